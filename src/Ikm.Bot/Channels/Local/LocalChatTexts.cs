using Ikm.Workflow.Texts;

namespace Ikm.Bot.Channels.Local;

public static class LocalChatTexts
{
    public static readonly Text Banner = new(
        """
        ── Ikm.Bot · obrolan lokal (tanpa Telegram) ──────────────────────
        Ketik pesan lalu Enter, seperti di Telegram. Mulai dengan: /start
          1, 2, 3 …             pilih tombol pada pesan terakhir
          /start <kode>         bergabung lewat undangan (kode = akhir tautan …?start=<kode>)
          /lokasi -0.8917 119.8707  kirim lokasi
          /foto                 kirim foto (contoh)
          /kontak 081234567890  kirim kontak
          /sebagai 2            ganti pengguna (id 2); koordinator: id {0}
          /teks 5               kirim angka 5 sebagai teks, bukan tombol
          /keluar               selesai
        Anda sekarang pengguna {1}.
        ────────────────────────────────────────────────────────────────
        """,
        "");

    public static readonly Text PersonaSwitched = new("Anda sekarang pengguna {0}.", "");
    public static readonly Text NoSuchButton = new("Tidak ada tombol nomor {0} pada pesan terakhir.", "");
    public static readonly Text BadLocation = new("Format: /lokasi <lintang> <bujur>, contoh: /lokasi -0.8917 119.8707", "");
    public static readonly Text FileSaved = new("   📁 disimpan di {0}", "");
    public static readonly Text NotStored = new("(Penyimpanan sedang tidak tersedia; pesan akan dicoba lagi.)", "");
}
