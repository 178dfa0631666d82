using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Cohorts;

public static class CohortTexts
{
    public static readonly Text Choose = new("🗂 Pilih kohort untuk diubah, atau buat kohort baru:", "🗂 Choose a cohort to edit, or create a new one:");
    public static readonly Text NewCohort = new("➕ Kohort baru", "➕ New cohort");
    public static readonly Text SummaryTitle = new("🗂 Data kohort — tekan ✏️ untuk mengubah, lalu Simpan:", "🗂 Cohort data — press ✏️ to change, then Save:");
    public static readonly Text Save = new("💾 Simpan", "💾 Save");
    public static readonly Text Saved = new("✅ Kohort \"{0}\" diperbarui.", "✅ Cohort \"{0}\" updated.");

    public static readonly IReadOnlyDictionary<string, Text> FieldNames = new Dictionary<string, Text>
    {
        ["name"] = new("Nama", "Name"),
        ["region"] = new("Wilayah", "Region"),
        ["timezone"] = new("Zona waktu", "Time zone"),
        ["start_date"] = new("Mulai", "Start"),
        ["duration"] = new("Lama (bulan)", "Months"),
        ["min_visits"] = new("Kunjungan/minggu", "Visits/week"),
        ["min_hours"] = new("Jam/kunjungan", "Hours/visit"),
        ["max_ikm"] = new("IKM/pendamping", "IKMs/mentor"),
        ["commodities"] = new("Sentra", "Clusters"),
    };

    public static readonly Text CohortHelp = new("buat kohort baru atau ubah kohort", "create a new cohort or edit one");
}
