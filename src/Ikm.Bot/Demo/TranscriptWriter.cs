using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ikm.Workflow.Messaging;

namespace Ikm.Bot.Demo;

/// <summary>
/// transcript.md: day by day, in the cohort's local time, what each person did and what the bot delivered to whom —
/// reminders, answers, digests. Ordered by simulated time, then chat, then the chat's own order, so the same seed
/// writes the same file. Invite tokens (random by design) are left out.
/// </summary>
public static partial class TranscriptWriter
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private sealed record Line(DateTimeOffset At, int Group, long ChatId, int Sequence, string Text);

    public static string Write(DemoRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {DemoCast.CohortName} — transcript of the demo");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Seed {record.Options.Seed} · {record.Options.Weeks} weeks from {ProgramReplay.FirstMonday:yyyy-MM-dd} · {record.Cast.Sentra.Count} mentors · {record.Cast.Owners.Count} IKMs · times in {record.Calendar.ZoneLabel}. Written by `dotnet run --project src/Ikm.Bot -- demo`.");
        text.AppendLine();
        AppendCast(text, record);

        var lines = record.Actions.Select(a => new Line(a.At, 0, a.UserId, 0, Action(record, a)))
            .Concat(record.Delivered.Select(m => new Line(m.At, 1, m.ChatId, m.Sequence, Delivery(record, m))))
            .OrderBy(l => l.At).ThenBy(l => l.Group).ThenBy(l => l.ChatId).ThenBy(l => l.Sequence);
        DateOnly? day = null;
        foreach (var line in lines)
        {
            var local = record.Calendar.ToLocal(line.At);
            var date = DateOnly.FromDateTime(local.DateTime);
            if (date != day)
            {
                day = date;
                text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {date.ToString("dddd, d MMMM yyyy", Indonesian)}").AppendLine();
            }

            text.Append(CultureInfo.InvariantCulture, $"- {local:HH:mm:ss} ").AppendLine(line.Text);
        }

        return text.ToString();
    }

    private static void AppendCast(StringBuilder text, DemoRecord record)
    {
        text.AppendLine("| id | peran | nama | sentra | profil |").AppendLine("|---|---|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {DemoCast.CoordinatorId} | koordinator | {DemoCast.CoordinatorName} | | Dinas Perindustrian Kota Palu |");
        for (var m = 0; m < record.Cast.Sentra.Count; m++)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {DemoCast.MentorId(m)} | pendamping | {record.Cast.Sentra[m].MentorName} | {record.Cast.Sentra[m].Label} | |");
        foreach (var o in record.Cast.Owners)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {o.UserId} | pemilik | {o.Name} — {o.BusinessName} | {o.Sentra.Label} | {o.Kelurahan}, {o.Kecamatan}; omzet {o.Turnover}; {o.Workers} pekerja; {(o.HasPirt ? "PIRT" : "tanpa PIRT")}; {(o.KeepsBooks ? "pembukuan" : "tanpa pembukuan")}{(o.Silent ? "; **tidak pernah menjawab**" : "")} |");
        }
    }

    private static string Action(DemoRecord record, UserAction action)
    {
        var (role, name) = record.Who(action.UserId);
        return $"**{name}** ({role}): {Redact(action.Shown)}";
    }

    private static string Delivery(DemoRecord record, DeliveredMessage message)
    {
        var (role, name) = record.Who(message.ChatId);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"🤖 → **{name}** ({role})");
        if (message.Kind == OutgoingKind.EditText) body.Append(" ✏️");
        if (message.FileName is { } file) body.Append(CultureInfo.InvariantCulture, $" 📎 `{file}`");
        body.Append(':');
        foreach (var textLine in Redact(message.Text).Split('\n'))
            body.Append("\n  > ").Append(textLine);
        if (message.Buttons.Count > 0)
            body.Append("\n  > ").Append(string.Join(" ", message.Buttons.Select(b => $"`[{b.Label}]`")));
        return body.ToString();
    }

    private static string Redact(string text) => InviteToken().Replace(text, "start=…");

    [GeneratedRegex(@"start=[A-Za-z0-9_-]+")]
    private static partial Regex InviteToken();
}
