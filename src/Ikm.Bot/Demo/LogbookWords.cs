namespace Ikm.Bot.Demo;

/// <summary>What mentors write in the logbook and the evaluation: per area, the problem, what was mentored, the result, the next step.</summary>
public static class LogbookWords
{
    public sealed record AreaWords(string Label, string Problem, string Mentored, string Result, string NextStep);

    /// <summary>Keyed by the logbook's area labels (questionnaires/logbook.yaml).</summary>
    public static readonly IReadOnlyList<AreaWords> Areas =
    [
        new("Merek & kemasan", "kemasan mudah sobek dan belum ada label", "memilih standing pouch dan membuat label sederhana",
            "30 kemasan berlabel sudah dibuat", "cetak label di percetakan"),
        new("Perizinan", "belum punya SPP-IRT", "menyiapkan berkas SPP-IRT lewat OSS", "berkas SPP-IRT lengkap", "ikut penyuluhan keamanan pangan"),
        new("Pemasaran digital", "penjualan hanya di pasar sekitar", "membuka toko di marketplace dan memotret produk",
            "toko daring aktif dengan 8 produk", "balas pesan pembeli setiap hari"),
        new("Pembukuan", "uang usaha bercampur dengan uang rumah tangga", "membuat buku kas harian sederhana",
            "buku kas terisi seminggu penuh", "hitung laba bulan ini"),
        new("Produksi", "jadwal produksi tidak tetap", "menyusun jadwal produksi mingguan", "produksi tiga kali seminggu sesuai jadwal",
            "catat bahan baku yang dipakai"),
        new("Mutu", "rasa dan warna produk berubah-ubah", "menulis resep dan takaran baku", "takaran baku ditempel di dapur",
            "uji rasa dengan pelanggan"),
        new("Mesin & alat", "penggorengan manual, hasil tidak seragam", "merawat spinner peniris minyak", "minyak sisa berkurang",
            "bandingkan harga mesin peniris"),
        new("Inovasi", "hanya satu varian produk", "mencoba varian rasa pedas", "resep varian baru selesai diuji", "tawarkan varian baru di pasar"),
    ];

    public static IReadOnlyList<AreaWords> FocusOf(DemoSentra sentra) => sentra.Label switch
    {
        "Abon ikan" => [Areas[0], Areas[1], Areas[2], Areas[3]],
        "Olahan kelor" => [Areas[5], Areas[2], Areas[1], Areas[7]],
        _ => [Areas[0], Areas[3], Areas[6], Areas[4]],
    };

    public const string FarReason = "Rumah produksi sedang direnovasi, pendampingan di rumah saudara pemilik";

    public const string RetroReason = "HP mati, lupa check-in di lokasi";
}
