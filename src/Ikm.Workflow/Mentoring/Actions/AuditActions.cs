using Humanizer;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;
using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Mentoring.Actions;

/// <summary>
/// /riwayat (/history): the last <see cref="Shown"/> audit records of the cohorts the coordinator coordinates; an
/// administrator also sees the program-wide ones (questionnaire switches, role changes, dashboard sign-ins).
/// </summary>
public sealed class AuditActions(ILogger<AuditActions> log) : IActionHandler, IRouteOwner
{
    public const int Shown = 20;

    public IReadOnlyList<string> ButtonPrefixes { get; } = [];

    public IEnumerable<EntryRoute> Routes => [new(Members.MemberRole.Coordinator, HandleAsync) { Commands = ["riwayat", "history"], Help = ProgramTexts.HistoryHelp }];

    public async Task HandleAsync(TurnContext context)
    {
        if (!ProgramDirectory.IsCoordinator(context))
        {
            log.LogWarning("Audit trail refused for user {UserId}: not a coordinator", context.Message.UserId);
            context.Reply(context.T(ProgramTexts.CoordinatorsOnly));
            return;
        }

        var cohorts = await ProgramDirectory.CoordinatedCohortsAsync(context);
        var entries = new List<AuditEntry>();
        foreach (var cohort in cohorts)
            entries.AddRange(await context.Work.FindAsync<AuditEntry>(DocumentIndex.Cohort(cohort.Id)));
        var administrator = ProgramDirectory.IsAdministrator(context);
        if (administrator)
            entries.AddRange(await context.Work.FindAsync<AuditEntry>(DocumentIndex.Cohort(AuditEntry.ProgramWide)));

        // Ids sort by time: the newest first.
        var latest = entries.OrderByDescending(e => e.Id, StringComparer.Ordinal).Take(Shown).ToList();
        if (latest.Count == 0)
        {
            context.Reply(context.T(AuditTexts.Empty));
            return;
        }

        var names = cohorts.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var nameCohorts = administrator || cohorts.Count > 1;
        var lines = new List<string> { context.T(AuditTexts.Title, latest.Count) };
        foreach (var entry in latest)
            lines.Add(await LineAsync(context, entry, nameCohorts ? names : null));
        context.Reply(string.Join("\n", lines));
    }

    /// <summary>"• 2 jam yang lalu — Sari Dewi (koordinator): kohort diubah (max_ikm: 5 → 4)".</summary>
    private static async Task<string> LineAsync(TurnContext context, AuditEntry entry, IReadOnlyDictionary<string, string>? cohortNames)
    {
        var culture = Languages.Culture(context.Language);
        var when = entry.At.Humanize(dateToCompareAgainst: context.Now, culture: culture);
        var role = AuditTexts.Role(entry.ActorRole, context.Language);
        // Staff by the name their invite gave them; an administrator (no invite) and the program-wide records by id.
        var actor = entry.ActorUserId == 0 ? role
            : entry.ActorRole is AuditRole.Mentor or AuditRole.Coordinator && entry.CohortId.Length > 0
                ? $"{await StaffNameAsync(context, entry)} ({role})"
            : $"{entry.ActorUserId.ToString(culture)} ({role})";
        var line = $"• {when} — {actor}: {AuditTexts.Action(entry.Action, context.Language)}";
        if (AuditTexts.Change(entry) is { } change) line += $" ({change})";
        if (cohortNames is not null)
            line += " · " + (entry.CohortId.Length == 0 ? context.T(AuditTexts.ProgramWide) : cohortNames.GetValueOrDefault(entry.CohortId, entry.CohortId));
        return line;
    }

    /// <summary>The actor's name in the record's cohort, else in any cohort (a refused attempt on another cohort), else the id.</summary>
    private static async Task<string> StaffNameAsync(TurnContext context, AuditEntry entry) =>
        (await context.Work.GetAsync<CohortStaff>(CohortStaff.IdFor(entry.CohortId, entry.ActorUserId))
            ?? (await context.Work.FindAsync<CohortStaff>(DocumentIndex.User(entry.ActorUserId))).FirstOrDefault())
        ?.DisplayName ?? entry.ActorUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
