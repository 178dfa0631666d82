using System.Globalization;
using System.Text.RegularExpressions;

namespace Ikm.Bot.Demo;

/// <summary>
/// The Friday before the program, through the chats: the coordinator creates the WITA cohort and invites the mentors,
/// each owner registers, is approved at once and answers the diagnosis, and in the afternoon every IKM gets its mentor.
/// </summary>
internal sealed partial class ProgramSetup(ClockDriver driver, DemoCast cast, Random random)
{
    public async Task RunAsync(DateOnly setupDay, DateOnly startDate, int months, ProgramPeople people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var coordinator = people.Coordinator;
        await AtAsync(setupDay, new TimeOnly(7, 30));
        await coordinator.TextAsync("/start");
        await coordinator.PressAsync("Bahasa Indonesia");
        await coordinator.PressAsync("Koordinator");
        await coordinator.PressAsync("🗂 Buat kohort");
        foreach (var answer in new[] { CohortName, "Kota Palu" })
            await coordinator.TextAsync(answer);
        await coordinator.PressAsync("WITA (Makassar)");
        foreach (var answer in new[] { startDate.ToString("d MMMM yyyy", Indonesian), months.ToString(CultureInfo.InvariantCulture), "lewati", "lewati", "lewati" })
            await coordinator.TextAsync(answer);
        await coordinator.TextAsync(string.Join(", ", cast.Sentra.Select(s => s.Label.ToLowerInvariant())));
        // The ten-question screening: an owner answers it in two minutes on the phone.
        await coordinator.TextAsync("/kuesioner diagnosis-singkat.yaml");

        foreach (var mentor in people.Mentors)
        {
            await coordinator.TextAsync("/undang mentor " + mentor.Name);
            var token = InviteToken().Match(coordinator.Last!.Text);
            if (!token.Success) throw new InvalidOperationException("The invite reply has no link.");
            // The token is random by design: the transcript leaves it out, so the same seed writes the same file.
            await mentor.TextAsync("/start " + token.Groups[1].Value, "/start (token undangan)");
        }

        for (var n = 0; n < cast.Owners.Count; n++)
        {
            await AtAsync(setupDay, new TimeOnly(8, 0).AddMinutes(25 * n));
            await RegisterAsync(people.Owners[n], cast.Owners[n]);
            await coordinator.PressAsync("⏳ Persetujuan");
            await coordinator.PressAsync("✅ " + CohortName);
            await DiagnoseAsync(people.Owners[n], cast.Owners[n]);
        }

        await AtAsync(setupDay, new TimeOnly(16, 0));
        foreach (var owner in cast.Owners)
        {
            await coordinator.TextAsync("/tugaskan");
            await coordinator.PressAsync(owner.BusinessName);
            await coordinator.PressAsync(people.Mentors[owner.Mentor].Name);
        }
    }

    public const string CohortName = DemoCast.CohortName;
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private async Task RegisterAsync(DemoUser user, DemoOwner owner)
    {
        await user.TextAsync("/start");
        await user.PressAsync("🇮🇩 Bahasa Indonesia");
        await user.PressAsync("🏭 Pemilik IKM");
        await user.PressAsync("👤 Profil usaha");
        await user.PressAsync("✅ Setuju");
        foreach (var answer in new[] { owner.Name, owner.BusinessName, owner.Sentra.Products })
            await user.TextAsync(answer);
        await user.PressAsync(owner.Sentra.Label);
        await user.TextAsync(owner.Kecamatan);
        await user.TextAsync(owner.Kelurahan);
        await user.LocationAsync(owner.Latitude, owner.Longitude);
        await user.ContactAsync(owner.Phone);
        await user.TextAsync(owner.Workers.ToString(CultureInfo.InvariantCulture));
        await user.TextAsync(owner.Turnover);
        await user.PressAsync("NIB");
        if (owner.HasPirt) await user.PressAsync("PIRT");
        await user.PressAsync("✅ Selesai memilih");
        await user.PressAsync(owner.KeepsBooks ? "Ya" : "Tidak");
        await user.PressAsync(owner.HasBank ? "Ya" : "Tidak");
        if (owner.HasBank) await user.PressAsync(owner.Strength > 0.6 ? "Ya" : "Tidak");
        await user.PressAsync("💾 Simpan");
    }

    /// <summary>Answers each question as the owner's business stands: a stronger business picks the better answers more often.</summary>
    private async Task DiagnoseAsync(DemoUser user, DemoOwner owner)
    {
        await user.PressAsync("🩺 Diagnosis");
        await user.PressAsync("▶️ Mulai");
        for (var step = 0; step < 30 && user.Last is { } question && Choices(question).Count > 0; step++)
        {
            var choices = Choices(question);
            var good = random.NextDouble() < owner.Strength;
            var yes = choices.FirstOrDefault(c => c.Label == "Ya");
            var no = choices.FirstOrDefault(c => c.Label == "Tidak");
            var label = yes is not null && no is not null ? (good ? yes : no).Label
                : good ? choices[^1].Label : choices[random.Next(Math.Max(1, choices.Count - 1))].Label;
            await user.PressAsync(label);
        }
    }

    private static List<Workflow.Messaging.Button> Choices(DeliveredMessage question) =>
        [.. question.Buttons.Where(b => b.Data.StartsWith("dg:", StringComparison.Ordinal) && !b.Data.Contains(":~", StringComparison.Ordinal))];

    private Task AtAsync(DateOnly day, TimeOnly time) => driver.MoveToAsync(day, time);

    [GeneratedRegex(@"\?start=([A-Za-z0-9_-]+)")]
    private static partial Regex InviteToken();
}
