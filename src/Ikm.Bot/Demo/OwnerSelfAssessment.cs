using System.Globalization;

namespace Ikm.Bot.Demo;

/// <summary>An owner answering the month's self-assessment prompt: a score per area, a little kinder than the mentor's, then saved.</summary>
internal static class OwnerSelfAssessment
{
    public static async Task AnswerAsync(DemoUser user, DemoOwner owner, int monthNumber)
    {
        await user.PressAsync("📝 Penilaian diri");
        var score = Math.Clamp(2 + (int)Math.Round(owner.Strength * 3) + owner.Progress * monthNumber, 1, 5);
        for (var step = 0; step < 40 && user.Last is { } last && !last.Text.Contains("tersimpan", StringComparison.Ordinal); step++)
        {
            if (last.HasButton("💾 Simpan")) await user.PressAsync("💾 Simpan");
            else if (last.HasButton("1")) await user.PressAsync(score.ToString(CultureInfo.InvariantCulture));
            else await user.TextAsync("sudah lebih baik");
        }
    }
}
