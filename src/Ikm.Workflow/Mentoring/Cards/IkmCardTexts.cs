using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Mentoring.Cards;

public static class IkmCardTexts
{
    public static readonly Text Open = new("🪪 {0}", "🪪 {0}");
    public static readonly Text OpenThis = new("🪪 Kartu IKM", "🪪 IKM card");
    public static readonly Text Title = new("🪪 Kartu IKM: {0}", "🪪 IKM card: {0}");
    public static readonly Text Owner = new("👤 Pemilik: {0}", "👤 Owner: {0}");
    public static readonly Text Products = new("📦 Produk: {0}", "📦 Products: {0}");
    public static readonly Text Sentra = new("🏷 Sentra: {0}", "🏷 Cluster: {0}");
    public static readonly Text Place = new("📍 Kel. {0}, Kec. {1}", "📍 {0}, {1} district");
    public static readonly Text Phone = new("📞 Telepon (ketuk untuk menelepon): {0}", "📞 Phone (tap to call): {0}");
    public static readonly Text House = new("🗺 Rumah produksi: {0}", "🗺 Production house: {0}");
    public static readonly Text NoHouse = new("🗺 Lokasi rumah produksi belum dikirim.", "🗺 The production house location has not been sent yet.");
    public static readonly Text LastVisit = new("🕒 Kunjungan terakhir: {0}", "🕒 Last visit: {0}");
    public static readonly Text NeverVisited = new("🕒 Belum pernah dikunjungi.", "🕒 Not visited yet.");
    public static readonly Text Plan = new("📋 Rencana pembinaan: {0}", "📋 Mentoring plan: {0}");
    public static readonly Text NoPlan = new("📋 Rencana pembinaan: belum ada (diagnosis belum selesai).", "📋 Mentoring plan: none yet (diagnosis not completed).");
    public static readonly Text Mentor = new("🧑‍🏫 Pendamping: {0}", "🧑‍🏫 Mentor: {0}");
    public static readonly Text NoMentor = new("🧑‍🏫 Pendamping: belum ditugaskan", "🧑‍🏫 Mentor: not assigned yet");
    public static readonly Text Erased = new(
        "🪪 {0}: pemilik sudah menghapus datanya dan keluar dari program.",
        "🪪 {0}: the owner erased their data and left the program.");
}
