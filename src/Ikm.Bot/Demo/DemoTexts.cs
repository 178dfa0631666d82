namespace Ikm.Bot.Demo;

/// <summary>What the demo command says around the local chat (the operator's console, Bahasa Indonesia first).</summary>
internal static class DemoTexts
{
    public const string ChatIntro =
        "\nSekarang obrolan lokal sebagai koordinator (pengguna 1) pada data demo ini — coba /ringkasan, /peringkat, /ekspor; /keluar untuk selesai.\n"
        + "Now the local chat as the coordinator (user 1) on this demo data — try /ringkasan, /peringkat, /ekspor; /keluar to finish.";
}
