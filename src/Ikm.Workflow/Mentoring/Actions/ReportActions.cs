using Ikm.Workflow.Audit;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Reports;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;

namespace Ikm.Workflow.Mentoring.Actions;

/// <summary>/ringkasan, /ekspor, /terlambat, /peringkat — coordinators only: picks a cohort they coordinate and queues the report (<see cref="ReportRequests"/>).</summary>
public sealed class ReportActions(ILogger<ReportActions> log) : IActionHandler, IRouteOwner
{
    /// <summary>A report command (its word, as typed) for the cohort chosen.</summary>
    private sealed record CohortReport(string CohortId, string Command);

    private static readonly ButtonKind<CohortReport> CohortButton = new("rp", r => [r.CohortId, r.Command], f => f is [var cohort, var command] ? new CohortReport(cohort, command) : null);

    public IReadOnlyList<string> ButtonPrefixes { get; } = ["rp:"];

    public IEnumerable<EntryRoute> Routes =>
    [
        new(Members.MemberRole.Coordinator, HandleAsync) { Commands = ["ringkasan", "summary"], Buttons = [MenuPresenter.SummaryButton], Help = ProgramTexts.SummaryHelp },
        new(Members.MemberRole.Coordinator, HandleAsync) { Commands = ["terlambat", "late"], Buttons = [MenuPresenter.LateButton], Help = ProgramTexts.LateHelp },
        new(Members.MemberRole.Coordinator, HandleAsync) { Commands = ["peringkat", "ranking"], Buttons = [MenuPresenter.RankingButton], Help = ProgramTexts.RankingHelp },
        new(Members.MemberRole.Coordinator, HandleAsync) { Commands = ["ekspor", "export"], Buttons = [MenuPresenter.ExportButton], Help = ProgramTexts.ExportHelp },
    ];

    public async Task HandleAsync(TurnContext context)
    {
        if (!ProgramDirectory.IsCoordinator(context))
        {
            log.LogWarning("Report command refused for user {UserId}: not a coordinator", context.Message.UserId);
            context.Reply(context.T(ProgramTexts.CoordinatorsOnly));
            return;
        }

        var cohorts = await ProgramDirectory.CoordinatedCohortsAsync(context);
        if (cohorts.Count == 0)
        {
            context.Reply(context.T(ProgramTexts.NoCohort));
            return;
        }

        // The cohort question below answers a typed command that has several cohorts to choose from.
        var pressed = CohortButton.Decode(context.Message.ButtonData) is { } choice ? (cohortId: choice.CohortId, pressedCommand: choice.Command) : default;
        if (pressed.cohortId is { } pressedCohort && !await ProgramDirectory.EnsureCoordinatesAsync(context, pressedCohort, log))
            return;

        var command = context.Message.Command is { } typed
            ? string.Equals(context.Message.CommandArgument?.Trim(), "csv", StringComparison.OrdinalIgnoreCase) ? typed + " csv" : typed
            : pressed.pressedCommand ?? MenuCommand(context.Message.ButtonData);
        var cohort = pressed.cohortId is { } id ? cohorts.FirstOrDefault(c => c.Id == id) : cohorts.Count == 1 ? cohorts[0] : null;
        if (cohort is null)
        {
            if (pressed.cohortId is not null)
                context.Reply(context.T(CommonTexts.StaleButton));
            else
                context.Reply(context.T(ProgramTexts.ChooseCohort), [.. cohorts.Select(c => (IReadOnlyList<Button>)[new Button(c.Name, CohortButton.Encode(new(c.Id, command)))])]);
            return;
        }

        var kind = command switch
        {
            "ekspor" or "export" => ReportKind.Export,
            "ekspor csv" or "export csv" => ReportKind.ExportCsv,
            "terlambat" or "late" => ReportKind.Late,
            "peringkat" or "ranking" => ReportKind.Ranking,
            _ => ReportKind.Weekly,
        };
        // Built by the report job, off the update path: a large export must not hold up every other chat.
        ReportRequests.Queue(context, kind, cohort.Id);
        if (kind is ReportKind.Export or ReportKind.ExportCsv)
            AuditTrail.Record(context, AuditAction.Exported, cohort.Id, [AuditEntry.Target("cohort", cohort.Id)]);
    }

    /// <summary>The report a coordinator menu button stands for, named by its command word as a typed command would be.</summary>
    private static string MenuCommand(string? data) => data switch
    {
        MenuPresenter.LateButton => "terlambat",
        MenuPresenter.RankingButton => "peringkat",
        MenuPresenter.ExportButton => "ekspor",
        _ => "ringkasan",
    };
}
