using Ikm.Workflow.Texts;

namespace Ikm.Scheduler;

public static class SchedulerTexts
{
    public static readonly Text OpenCheckIn = new(
        "⏰ Check-in di {0} sejak {1} belum ditutup. Tekan tombol di bawah dan tuliskan jam kunjungan sebenarnya selesai.",
        "⏰ Your check-in at {0} since {1} is still open. Press the button below and give the time the visit really ended.");
    public static readonly Text CloseCheckIn = new("✅ Tutup check-in", "✅ Close the check-in");
}
