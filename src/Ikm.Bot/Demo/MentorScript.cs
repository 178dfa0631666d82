using System.Globalization;

namespace Ikm.Bot.Demo;

/// <summary>What a mentor does in the chat: check in at the house, check out with the logbook and photos, close a forgotten check-in, log a retro visit, evaluate the month.</summary>
internal sealed class MentorScript(DemoUser mentor, Random random)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private int _photos;

    public async Task CheckInAsync(PlannedVisit visit)
    {
        await mentor.PressAsync("📍 Check-in");
        await mentor.PressAsync(visit.Owner.BusinessName);
        // A phone's fix is off by some tens of metres; the far visit is 900 m north of the house.
        var (lat, lon) = visit.Kind == VisitKind.Far
            ? (visit.Owner.Latitude + 900 / 111_320.0, visit.Owner.Longitude)
            : (visit.Owner.Latitude + (random.NextDouble() - 0.5) * 0.0006, visit.Owner.Longitude + (random.NextDouble() - 0.5) * 0.0006);
        await mentor.LocationAsync(lat, lon);
        if (visit.Kind == VisitKind.Far) await mentor.TextAsync(LogbookWords.FarReason);
    }

    public async Task CheckOutAsync(PlannedVisit visit)
    {
        await mentor.PressAsync("✅ Check-out");
        await mentor.PressAsync("✅ Ya, selesai");
        await LogbookAsync(visit);
    }

    /// <summary>The morning after: the open check-in scan's prompt, and the time the visit really ended.</summary>
    public async Task CloseForgottenAsync(PlannedVisit visit)
    {
        await mentor.PressAsync("✅ Tutup check-in");
        await mentor.TextAsync(visit.End.ToString("HH:mm", CultureInfo.InvariantCulture));
        await LogbookAsync(visit);
    }

    public async Task RetroAsync(PlannedVisit visit)
    {
        await mentor.PressAsync("📝 Kunjungan susulan");
        await mentor.PressAsync(visit.Owner.BusinessName);
        await mentor.TextAsync(visit.Day.ToString("d MMMM yyyy", Indonesian));
        await mentor.TextAsync(visit.Duration.TotalHours.ToString("0.#", Indonesian));
        await mentor.TextAsync(LogbookWords.RetroReason);
        await LogbookAsync(visit);
    }

    private async Task LogbookAsync(PlannedVisit visit)
    {
        var focus = LogbookWords.FocusOf(visit.Owner.Sentra);
        var area = focus[(visit.Week + visit.Owner.Index) % focus.Count];
        foreach (var answer in new[] { area.Problem, area.Mentored, area.Result, area.NextStep })
            await mentor.TextAsync(answer);
        await mentor.PressAsync(area.Label);
        await mentor.PressAsync("✅ Selesai memilih");
        var photos = random.Next(0, 3);
        for (var i = 0; i < photos; i++)
            await mentor.PhotoAsync(string.Create(CultureInfo.InvariantCulture, $"demo-photo-{mentor.Id}-{++_photos}"));
        await mentor.PressAsync("✅ Selesai");
    }

    /// <summary>
    /// The month's evaluation of every assigned IKM: per area of its plan a score (the diagnosis' plus the owner's
    /// progress), the logbook's notes kept — or written when the month's logbook has none for the area — then saved.
    /// </summary>
    public async Task EvaluateAsync(IEnumerable<DemoOwner> owners, int monthNumber)
    {
        foreach (var owner in owners)
        {
            await mentor.PressAsync("📊 Evaluasi bulanan");
            await mentor.PressAsync(owner.BusinessName);
            var score = Math.Clamp(1 + (int)Math.Round(owner.Strength * 3) + owner.Progress * monthNumber, 1, 5);
            var words = LogbookWords.FocusOf(owner.Sentra);
            for (var step = 0; step < 80 && mentor.Last is { } last && !last.Text.Contains("tersimpan", StringComparison.Ordinal); step++)
            {
                if (last.HasButton("💾 Simpan")) await mentor.PressAsync("💾 Simpan");
                else if (last.HasButton("1")) await mentor.PressAsync(score.ToString(CultureInfo.InvariantCulture));
                else if (last.HasButton("✅ Pakai catatan ini")) await mentor.PressAsync("✅ Pakai catatan ini");
                else if (last.HasButton("✏️ Tulis catatan")) await mentor.PressAsync("✏️ Tulis catatan");
                else await mentor.TextAsync(EvaluationAnswer(words[step % words.Count], last.Text));
            }
        }
    }

    /// <summary>The answer to the evaluation's question: the problem, what was mentored, or the result.</summary>
    private static string EvaluationAnswer(LogbookWords.AreaWords words, string question) =>
        question.Contains("Masalah", StringComparison.OrdinalIgnoreCase) ? words.Problem
        : question.Contains("didampingkan", StringComparison.OrdinalIgnoreCase) ? words.Mentored
        : words.Result;
}
