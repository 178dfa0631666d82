using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Reports;

public static class ReportTexts
{
    public static readonly Text Preparing = new(
        "⏳ Laporan sedang disiapkan… Hasilnya dikirim ke chat ini begitu selesai.",
        "⏳ The report is being prepared… It is sent to this chat as soon as it is ready.");
    public static readonly Text Failed = new(
        "Maaf, laporan tidak dapat disiapkan kali ini. Silakan coba lagi nanti.",
        "Sorry, the report could not be prepared this time. Please try again later.");
}
