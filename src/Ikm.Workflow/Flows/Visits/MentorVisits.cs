using System.Globalization;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;
using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Flows.Visits;

/// <summary>What the check-in, check-out and retro-visit flows look up the same way: the mentor's visits, IKMs and times.</summary>
public static class MentorVisits
{
    /// <summary>A flow's IKM buttons, "{prefix}:ikm:{business}".</summary>
    public static ButtonKind<ButtonKind.Id> IkmButton(ChoiceCodec choices) => choices.Kind("ikm");

    /// <summary>The visit the mentor is checked in at (at most one is open).</summary>
    public static async Task<Visit?> OpenVisitAsync(TurnContext context) =>
        (await VisitsOfAsync(context)).FirstOrDefault(v => v.Status == VisitStatus.CheckedIn);

    /// <summary>A visit checked out (or logged afterwards) whose logbook is not saved yet.</summary>
    public static async Task<Visit?> UnfinishedLogbookAsync(TurnContext context) =>
        (await VisitsOfAsync(context)).Where(v => v.Status == VisitStatus.Logging).MaxBy(v => v.StartedAt);

    public static async Task<string> BusinessNameAsync(TurnContext context, Guid? businessId) =>
        businessId is { } id ? (await ProgramDirectory.BusinessAsync(context, id))?.BusinessName ?? "IKM" : "IKM";

    public static async Task<Cohort?> CohortOfAsync(TurnContext context, Guid businessId) =>
        await ProgramDirectory.AssignmentForAsync(context, businessId) is { } assignment ? await context.Work.GetAsync<Cohort>(assignment.CohortId) : null;

    public static async Task<bool> HasIkmsAsync(TurnContext context) =>
        (await ProgramDirectory.ActiveAssignmentsOfMentorAsync(context, context.Message.UserId)).Count > 0;

    /// <summary>The mentor's IKMs as buttons "{prefix}:ikm:{business}".</summary>
    public static async Task ListIkmsAsync(TurnContext context, ChoiceCodec choices, string title) =>
        context.Reply(title, await ProgramDirectory.IkmButtonsAsync(context, IkmButton(choices)));

    /// <summary>
    /// The step where a mentor picks one of their IKMs (check-in, retro visit): the list as the prompt, an IKM button
    /// checked on the server, and the list again — with a stale-button note for another button — for anything else.
    /// </summary>
    public static FlowStep<TState, TTrigger, TDraft> ChoosesAssignedIkm<TState, TTrigger, TDraft>(
        this FlowStep<TState, TTrigger, TDraft> step, ChoiceCodec choices, Stateless.StateMachine<TState, TTrigger>.TriggerWithParameters<Guid> chooseIkm, ILogger log)
        where TState : struct, Enum where TTrigger : struct, Enum where TDraft : class =>
        step.Prompt(turn => ListIkmsAsync(turn.Context, choices, turn.T(VisitTexts.ChooseIkm)), "list the mentor's IKMs")
            .OnButton(IkmButton(choices), (turn, payload) => ReadAssignedIkmAsync(turn.Context, payload, log), chooseIkm)
            .Otherwise(turn => ListIkmsAsync(turn.Context, choices, turn.T(turn.Message.ButtonData is null ? VisitTexts.ChooseIkm : CommonTexts.StaleButton)));

    /// <summary>An IKM button read back: its id when the IKM is assigned to this mentor, otherwise refused (and logged, ids only).</summary>
    public static async Task<Read<Guid>> ReadAssignedIkmAsync(TurnContext context, string payload, ILogger log)
    {
        if (!Guid.TryParseExact(payload, "N", out var businessId))
            return Read<Guid>.Refuse(context.T(CommonTexts.StaleButton));
        if (await ProgramDirectory.AssignmentForAsync(context, businessId) is not null) return Read<Guid>.Ok(businessId);
        log.LogWarning("Mentor {UserId} pressed a button for business {BusinessId} not assigned to them", context.Message.UserId, businessId);
        return Read<Guid>.Refuse(context.T(VisitTexts.NotYourIkm));
    }

    /// <summary>The cohort's calendar; a visit always has a cohort, the default zone is only for a deleted one.</summary>
    public static ProgramCalendar CalendarOf(Cohort? cohort) => ProgramCalendar.For(cohort);

    public static VisitRules RulesOf(Cohort? cohort) => VisitRules.For(cohort);

    /// <summary>"08:00 WITA": a time in the visit's cohort zone, with its Indonesian abbreviation.</summary>
    public static async Task<string> LocalTimeAsync(TurnContext context, Visit visit, DateTimeOffset at)
    {
        var calendar = CalendarOf(await context.Work.GetAsync<Cohort>(visit.CohortId));
        return calendar.ToLocal(at).ToString("HH:mm", CultureInfo.InvariantCulture) + " " + calendar.ZoneLabel;
    }

    public static string Meters(double meters) =>
        meters >= 1000 ? (meters / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " km" : Math.Round(meters).ToString(CultureInfo.InvariantCulture) + " m";

    public static void AskLocation(TurnContext context, string text) =>
        context.Reply(text, keyboard: [[new KeyboardKey(context.T(VisitTexts.ShareLocation), RequestLocation: true)]]);

    private static Task<IReadOnlyList<Visit>> VisitsOfAsync(TurnContext context) =>
        context.Work.FindAsync<Visit>(DocumentIndex.Mentor(context.Message.UserId));
}
