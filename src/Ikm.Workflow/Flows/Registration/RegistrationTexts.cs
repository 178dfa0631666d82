using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Registration;

public static class RegistrationTexts
{
    public static readonly Text Consent = new(
        """
        📝 Pendaftaran usaha IKM

        Sebelum mulai, mohon baca dulu:
        • Yang kami catat: nama Anda, nama dan produk usaha, alamat dan lokasi rumah produksi, nomor HP, jumlah tenaga kerja, omzet, izin usaha, pembukuan, dan rekening/kredit bank.
        • Untuk apa: menyusun rencana pendampingan dan melaporkan perkembangan program pembinaan IKM.
        • Siapa yang melihat: koordinator program di Dinas dan pendamping (mentor) yang ditugaskan untuk usaha Anda. Tidak dijual atau dibagikan ke pihak lain.
        • Hak Anda: kapan saja ketik /datasaya untuk menerima salinan data Anda, atau /hapusdata untuk menghapusnya.

        Apakah Anda setuju?
        """,
        """
        📝 IKM business registration

        Before we start, please read:
        • What we record: your name, the business name and products, the address and location of the production house, phone number, number of workers, turnover, licences, bookkeeping, and bank account/credit.
        • What for: planning the mentoring and reporting the progress of the IKM mentoring program.
        • Who sees it: the program coordinator at the Dinas and the mentor assigned to your business. It is never sold or shared with anyone else.
        • Your rights: at any time type /datasaya to receive a copy of your data, or /hapusdata to delete it.

        Do you agree?
        """);

    public static readonly Text Accept = new("✅ Setuju", "✅ I agree");
    public static readonly Text Decline = new("❌ Tidak setuju", "❌ I don't agree");
    public static readonly Text ConsentHelp = new(
        "Tekan \"Setuju\" untuk melanjutkan pendaftaran, atau \"Tidak setuju\" untuk berhenti.",
        "Press \"I agree\" to continue the registration, or \"I don't agree\" to stop.");
    public static readonly Text Declined = new(
        "Baik, pendaftaran tidak dilanjutkan dan tidak ada data yang disimpan. Anda bisa mendaftar kapan saja lewat /menu.",
        "All right, the registration stops here and nothing was stored. You can register at any time from /menu.");
    public static readonly Text SummaryTitle = new("📋 Periksa data usaha Anda:", "📋 Please check your business data:");
    public static readonly Text SummaryFooter = new(
        "Tekan ✏️ untuk mengubah satu isian, atau \"Simpan\" bila sudah benar.",
        "Press ✏️ to change a field, or \"Save\" when everything is right.");
    public static readonly Text Save = new("💾 Simpan", "💾 Save");
    public static readonly Text Saved = new(
        "✅ Data usaha \"{0}\" tersimpan. Terima kasih!\nLangkah berikutnya: diagnosis usaha, supaya pendamping tahu apa yang perlu dibina.",
        "✅ The data of \"{0}\" is saved. Thank you!\nNext step: the business diagnosis, so the mentor knows what to work on.");
    public static readonly Text Updated = new("✅ Profil usaha diperbarui.", "✅ Business profile updated.");
    public static readonly Text StartDiagnosis = new("🩺 Mulai diagnosis usaha", "🩺 Start the business diagnosis");
    public static readonly Text SummaryHelp = new(
        "Periksa ringkasan di atas: tekan ✏️ pada isian yang ingin diubah, atau \"Simpan\".",
        "Check the summary above: press ✏️ on a field to change it, or \"Save\".");
}

public static class RegistrationFields
{
    /// <summary>Short field names for the summary card, by registration question id.</summary>
    public static readonly IReadOnlyDictionary<string, Text> Names = new Dictionary<string, Text>
    {
        ["owner_name"] = new("Nama pemilik", "Owner"),
        ["business_name"] = new("Nama usaha", "Business"),
        ["products"] = new("Produk", "Products"),
        ["commodity"] = new("Sentra/komoditas", "Commodity"),
        ["commodity_other"] = new("Komoditas lain", "Other commodity"),
        ["kecamatan"] = new("Kecamatan", "District"),
        ["kelurahan"] = new("Kelurahan/desa", "Village"),
        ["location"] = new("Lokasi", "Location"),
        ["phone"] = new("No. HP", "Phone"),
        ["workers"] = new("Tenaga kerja", "Workers"),
        ["turnover"] = new("Omzet/bulan", "Turnover/month"),
        ["legality"] = new("Izin", "Licences"),
        ["keeps_books"] = new("Pembukuan", "Books"),
        ["has_bank_account"] = new("Rekening bank", "Bank account"),
        ["had_credit"] = new("Kredit bank", "Bank credit"),
    };
}
