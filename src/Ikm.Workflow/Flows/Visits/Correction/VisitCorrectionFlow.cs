using System.Globalization;
using System.Text.RegularExpressions;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Parsing;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;

namespace Ikm.Workflow.Flows.Visits.Correction;

/// <summary>
/// A mentor corrects the start and end of their own completed, checked-in visit, until the cohort's correction window
/// (VisitRules.CanCorrect) after it ended: the new start ("08:00") → the new end → a confirmation with the new duration →
/// the visit's times and flags are changed and an audit entry (ids and times only) is recorded. Both times are on the
/// visit's local day.
/// </summary>
public sealed partial class VisitCorrectionFlow(ILogger<VisitCorrectionFlow> log) : Flow<VisitCorrectionState, VisitCorrectionTrigger, VisitCorrectionDraft>("vc")
{
    public const string FlowName = "correction";

    public static readonly ButtonKind<ButtonKind.Id> EntryButton = ButtonKind.Of("vce");

    public override string Name => FlowName;
    protected override VisitCorrectionState Idle => VisitCorrectionState.Idle;
    protected override VisitCorrectionTrigger Start => VisitCorrectionTrigger.Begin;

    /// <summary>The button that opens the correction of <paramref name="visitId"/>.</summary>
    public static Button Button(string label, string visitId) => new(label, EntryButton.Encode(new(visitId)));

    /// <summary>Opens the correction when the visit is the mentor's own and still correctable; anything else is refused here.</summary>
    public async Task OpenAsync(TurnContext context, string? visitId)
    {
        if (await CorrectableAsync(context, visitId) is { } visit)
            await BeginAsync(context, VisitCorrectionTrigger.Begin, new VisitCorrectionDraft { VisitId = visit.Id });
    }

    protected override void Configure(FlowBuilder<VisitCorrectionState, VisitCorrectionTrigger, VisitCorrectionDraft> flow)
    {
        var giveStart = flow.Trigger<DateTimeOffset>(VisitCorrectionTrigger.GiveStart);
        var giveEnd = flow.Trigger<DateTimeOffset>(VisitCorrectionTrigger.GiveEnd);

        flow.Step(VisitCorrectionState.Idle)
            .Permit(VisitCorrectionTrigger.Begin, VisitCorrectionState.AwaitingStart);

        flow.Step(VisitCorrectionState.AwaitingStart)
            .Prompt(AskStartAsync, "ask the new start")
            .OnText(ReadStartAsync, giveStart)
            .Permit(VisitCorrectionTrigger.GiveStart, VisitCorrectionState.AwaitingEnd);

        flow.Step(VisitCorrectionState.AwaitingEnd)
            .OnEntryFrom(giveStart, (turn, start) => turn.Draft.StartedAt = start, "remember the start")
            .Prompt(AskEndAsync, "ask the new end")
            .OnText(ReadEndAsync, giveEnd)
            .Permit(VisitCorrectionTrigger.GiveEnd, VisitCorrectionState.Confirming);

        flow.Step(VisitCorrectionState.Confirming)
            .OnEntryFrom(giveEnd, (turn, end) => turn.Draft.EndedAt = end, "remember the end")
            .Prompt(AskToSaveAsync, "confirm with the new duration")
            .OnChoice(CorrectionChoice.Save, VisitCorrectionTrigger.Save)
            .OnChoice(CorrectionChoice.Cancel, VisitCorrectionTrigger.Cancel)
            .Permit(VisitCorrectionTrigger.Save, VisitCorrectionState.Saved)
            .Permit(VisitCorrectionTrigger.Cancel, VisitCorrectionState.Cancelled);

        flow.Step(VisitCorrectionState.Saved).Ends()
            .OnEntryFrom(VisitCorrectionTrigger.Save, SaveAsync, "change the times, recompute the flags, audit");

        flow.Step(VisitCorrectionState.Cancelled).Ends()
            .OnEntryFrom(VisitCorrectionTrigger.Cancel, turn => turn.Reply(turn.T(VisitCorrectionTexts.Unchanged), removeKeyboard: true), "nothing changed");
    }

    /// <summary>The visit when it is the user's own and VisitRules.CanCorrect allows it now; otherwise the refusal is replied and logged (ids only).</summary>
    private async Task<Visit?> CorrectableAsync(TurnContext context, string? visitId)
    {
        var visit = string.IsNullOrEmpty(visitId) ? null : await context.Work.GetAsync<Visit>(visitId);
        var business = visit is null ? null : await ProgramDirectory.BusinessAsync(context, visit.BusinessId);
        if (visit is null || visit.MentorUserId != context.Message.UserId || business is null)
        {
            log.LogWarning("Visit correction refused for user {UserId}: visit {VisitId} is not theirs or is gone", context.Message.UserId, visitId);
            context.Reply(context.T(CommonTexts.StaleButton));
            return null;
        }

        // An erased owner's IKM keeps only anonymous figures: its visits are closed to changes.
        if (business.Anonymised)
        {
            log.LogInformation("Visit correction refused for user {UserId}: visit {VisitId} belongs to an erased IKM", context.Message.UserId, visit.Id);
            context.Reply(context.T(VisitCorrectionTexts.Erased), removeKeyboard: true);
            return null;
        }

        var rules = MentorVisits.RulesOf(await context.Work.GetAsync<Cohort>(visit.CohortId));
        if (rules.CanCorrect(visit, context.Now)) return visit;
        context.Reply(context.T(VisitCorrectionTexts.TooLate, rules.CorrectionWindow.TotalHours));
        return null;
    }

    private static async Task AskStartAsync(FlowTurn<VisitCorrectionDraft> turn)
    {
        var visit = await VisitAsync(turn);
        turn.Reply(turn.T(VisitCorrectionTexts.AskStart, await MentorVisits.BusinessNameAsync(turn.Context, visit.BusinessId),
            await MentorVisits.LocalTimeAsync(turn.Context, visit, visit.StartedAt)), removeKeyboard: true);
    }

    private static async Task AskEndAsync(FlowTurn<VisitCorrectionDraft> turn)
    {
        var visit = await VisitAsync(turn);
        turn.Reply(turn.T(VisitCorrectionTexts.AskEnd, await MentorVisits.LocalTimeAsync(turn.Context, visit, visit.EndedAt!.Value)));
    }

    private static async Task AskToSaveAsync(FlowTurn<VisitCorrectionDraft> turn)
    {
        var visit = await VisitAsync(turn);
        var (start, end) = (turn.Draft.StartedAt!.Value, turn.Draft.EndedAt!.Value);
        turn.Reply(turn.T(VisitCorrectionTexts.Confirm, await MentorVisits.BusinessNameAsync(turn.Context, visit.BusinessId),
                await MentorVisits.LocalTimeAsync(turn.Context, visit, start), await MentorVisits.LocalTimeAsync(turn.Context, visit, end),
                IndonesianFormat.Duration(end - start, turn.Language)),
            [[turn.Button(VisitCorrectionTexts.Save, CorrectionChoice.Save), turn.Button(VisitCorrectionTexts.Cancel, CorrectionChoice.Cancel)]]);
    }

    private static async Task<Read<DateTimeOffset>> ReadStartAsync(FlowTurn<VisitCorrectionDraft> turn, string text)
    {
        var read = await ReadTimeAsync(turn, text);
        return read.IsValue && read.Value > turn.Now ? Read<DateTimeOffset>.Refuse(turn.T(VisitCorrectionTexts.FutureTime)) : read;
    }

    private static async Task<Read<DateTimeOffset>> ReadEndAsync(FlowTurn<VisitCorrectionDraft> turn, string text)
    {
        var read = await ReadTimeAsync(turn, text);
        if (!read.IsValue) return read;
        var start = turn.Draft.StartedAt!.Value;
        if (read.Value <= start)
            return Read<DateTimeOffset>.Refuse(turn.T(VisitCorrectionTexts.EndBeforeStart, await MentorVisits.LocalTimeAsync(turn.Context, await VisitAsync(turn), start)));
        return read.Value > turn.Now ? Read<DateTimeOffset>.Refuse(turn.T(VisitCorrectionTexts.FutureTime)) : read;
    }

    /// <summary>"08:00" or "8.00" on the visit's local day; anything else ("jam 8", "8") is refused with the example.</summary>
    private static async Task<Read<DateTimeOffset>> ReadTimeAsync(FlowTurn<VisitCorrectionDraft> turn, string text)
    {
        var trimmed = text.Trim().Replace('.', ':');
        if (!TimePattern().IsMatch(trimmed) || !TimeOnly.TryParseExact(trimmed, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return Read<DateTimeOffset>.Refuse(turn.T(VisitCorrectionTexts.BadTime));
        var visit = await VisitAsync(turn);
        var calendar = MentorVisits.CalendarOf(await turn.Work.GetAsync<Cohort>(visit.CohortId));
        return Read<DateTimeOffset>.Ok(calendar.ToUtc(calendar.LocalDate(visit.StartedAt), time));
    }

    [GeneratedRegex(@"^\d{1,2}:\d{2}$")]
    private static partial Regex TimePattern();

    private async Task SaveAsync(FlowTurn<VisitCorrectionDraft> turn)
    {
        // The window may have closed (or the IKM been erased) while the mentor typed.
        if (await CorrectableAsync(turn.Context, turn.Draft.VisitId) is not { } visit) return;
        var rules = MentorVisits.RulesOf(await turn.Work.GetAsync<Cohort>(visit.CohortId));
        var old = Times(visit.StartedAt, visit.EndedAt!.Value);
        visit.StartedAt = turn.Draft.StartedAt!.Value;
        visit.EndedAt = turn.Draft.EndedAt!.Value;
        visit.Flags = rules.CompletedFlags(visit);
        turn.Work.Stage(visit);
        AuditTrail.Record(turn.Context, AuditAction.VisitEdited, visit.CohortId, [AuditEntry.Target("visit", visit.Id)],
            "times", old, Times(visit.StartedAt, visit.EndedAt.Value));
        log.LogInformation("Visit {VisitId} times corrected by mentor {UserId}", visit.Id, turn.Context.Message.UserId);
        var shortNote = visit.Flags.HasFlag(VisitFlags.Short) ? turn.T(VisitTexts.ShortVisit, rules.MinDuration.TotalHours) : "";
        turn.Reply(turn.T(VisitCorrectionTexts.Saved, await MentorVisits.LocalTimeAsync(turn.Context, visit, visit.StartedAt),
            await MentorVisits.LocalTimeAsync(turn.Context, visit, visit.EndedAt.Value), IndonesianFormat.Duration(visit.EndedAt.Value - visit.StartedAt, turn.Language), shortNote),
            removeKeyboard: true);
    }

    private static string Times(DateTimeOffset start, DateTimeOffset end) =>
        start.UtcDateTime.ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture) + "/" + end.UtcDateTime.ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);

    private static async Task<Visit> VisitAsync(FlowTurn<VisitCorrectionDraft> turn) => (await turn.Work.GetAsync<Visit>(turn.Draft.VisitId!))!;
}
