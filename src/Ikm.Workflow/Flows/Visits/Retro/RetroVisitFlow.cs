using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Visits.CheckOut;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Parsing;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;

namespace Ikm.Workflow.Flows.Visits.Retro;

/// <summary>
/// A visit logged afterwards (no check-in was made): choose the IKM → the date (inside the cohort's period, at most the
/// cohort's MaxRetroDays back) → the hours → why there was no check-in; the visit is recorded as retro ("susulan",
/// counted apart from verified check-ins) and its logbook continues in the check-out flow, like any other.
/// </summary>
public sealed class RetroVisitFlow(CheckOutFlow checkOut, ILogger<RetroVisitFlow> log) : Flow<RetroVisitState, RetroVisitTrigger, RetroVisitDraft>("vr"), IRouteOwner
{
    public const string FlowName = "retro";

    /// <summary>The day is known, the hour is not: a retro visit is recorded from 09:00 local.</summary>
    private static readonly TimeOnly AssumedStart = new(9, 0);

    public override string Name => FlowName;
    protected override RetroVisitState Idle => RetroVisitState.Idle;
    protected override RetroVisitTrigger Start => RetroVisitTrigger.Begin;

    public IEnumerable<EntryRoute> Routes => [new(Members.MemberRole.Mentor, StartAsync) { Buttons = [MenuPresenter.RetroButton, "vs:retro"], Commands = ["susulan"], Help = VisitTexts.RetroHelp }];

    public override async Task StartAsync(TurnContext context) =>
        await BeginAsync(context,
            await MentorVisits.UnfinishedLogbookAsync(context) is not null ? RetroVisitTrigger.FoundUnfinishedLogbook
            : !await MentorVisits.HasIkmsAsync(context) ? RetroVisitTrigger.FoundNoIkms
            : RetroVisitTrigger.Begin);

    protected override void Configure(FlowBuilder<RetroVisitState, RetroVisitTrigger, RetroVisitDraft> flow)
    {
        var chooseIkm = flow.Trigger<Guid>(RetroVisitTrigger.ChooseIkm);
        var giveDate = flow.Trigger<DateOnly>(RetroVisitTrigger.GiveDate);
        var giveHours = flow.Trigger<decimal>(RetroVisitTrigger.GiveHours);
        var giveReason = flow.Trigger<string>(RetroVisitTrigger.GiveReason);

        flow.Step(RetroVisitState.Idle)
            .Permit(RetroVisitTrigger.Begin, RetroVisitState.ChoosingIkm)
            .Permit(RetroVisitTrigger.FoundUnfinishedLogbook, RetroVisitState.LogbookUnfinished)
            .Permit(RetroVisitTrigger.FoundNoIkms, RetroVisitState.NothingAssigned);

        flow.Step(RetroVisitState.ChoosingIkm)
            .ChoosesAssignedIkm(Choices, chooseIkm, log)
            .Permit(RetroVisitTrigger.ChooseIkm, RetroVisitState.AwaitingDate);

        flow.Step(RetroVisitState.AwaitingDate)
            .OnEntryFrom(chooseIkm, (turn, businessId) => turn.Draft.BusinessId = businessId, "remember the IKM")
            .Prompt(turn => turn.Reply(turn.T(VisitTexts.AskRetroDate), removeKeyboard: true), "ask the date")
            .OnText(ReadDateAsync, giveDate)
            .Permit(RetroVisitTrigger.GiveDate, RetroVisitState.AwaitingHours);

        flow.Step(RetroVisitState.AwaitingHours)
            .OnEntryFrom(giveDate, (turn, date) => turn.Draft.Date = date, "remember the date")
            .Prompt(turn => turn.Reply(turn.T(VisitTexts.AskRetroHours)), "ask the hours")
            .OnText(ReadHours, giveHours)
            .Permit(RetroVisitTrigger.GiveHours, RetroVisitState.AwaitingReason);

        flow.Step(RetroVisitState.AwaitingReason)
            .OnEntryFrom(giveHours, (turn, hours) => turn.Draft.Hours = hours, "remember the hours")
            .Prompt(turn => turn.Reply(turn.T(VisitTexts.AskRetroReason)), "ask why there was no check-in")
            .OnText(ReadReason, giveReason)
            .Permit(RetroVisitTrigger.GiveReason, RetroVisitState.Logged);

        flow.Step(RetroVisitState.Logged).Ends()
            .OnEntryFrom(giveReason, LogAsync, "record the retro visit, continue with its logbook");

        flow.Step(RetroVisitState.LogbookUnfinished).Ends()
            .OnEntryFrom(RetroVisitTrigger.FoundUnfinishedLogbook, turn => VisitNotices.FinishLogbookFirstAsync(turn.Context), "ask to finish the logbook first");

        flow.Step(RetroVisitState.NothingAssigned).Ends()
            .OnEntryFrom(RetroVisitTrigger.FoundNoIkms, turn => turn.Reply(turn.T(VisitTexts.NoIkms)), "no IKM assigned");
    }

    private static async Task<Read<DateOnly>> ReadDateAsync(FlowTurn<RetroVisitDraft> turn, string text)
    {
        var cohort = await MentorVisits.CohortOfAsync(turn.Context, turn.Draft.BusinessId!.Value);
        var calendar = MentorVisits.CalendarOf(cohort);
        var parsed = DateParser.Parse(text, calendar.LocalDate(turn.Now));
        if (!parsed.IsSuccess)
            return Read<DateOnly>.Refuse(ParsingTexts.Reason(parsed.Error, turn.Language));
        var rules = MentorVisits.RulesOf(cohort);
        return rules.RetroDateRefusal(cohort, parsed.Value, calendar.LocalDate(turn.Now)) switch
        {
            null => Read<DateOnly>.Ok(parsed.Value),
            RetroDateRefusal.Future => Read<DateOnly>.Refuse(turn.T(VisitTexts.FutureDate)),
            RetroDateRefusal.OutsideCohort => Read<DateOnly>.Refuse(turn.T(VisitTexts.RetroOutsideCohort,
                IndonesianFormat.Date(cohort!.StartDate, turn.Language), IndonesianFormat.Date(cohort.EndDate.AddDays(-1), turn.Language))),
            _ => Read<DateOnly>.Refuse(turn.T(VisitTexts.RetroTooLongAgo, rules.MaxRetroDays)),
        };
    }

    /// <summary>Why no check-in was made: a few words at least, so a coordinator can judge the visit.</summary>
    private static Read<string> ReadReason(FlowTurn<RetroVisitDraft> turn, string text) =>
        text.Trim().Length >= MinReasonLength ? Read<string>.Ok(text.Trim()) : Read<string>.Refuse(turn.T(VisitTexts.RetroReasonTooShort));

    private const int MinReasonLength = 5;

    private static Read<decimal> ReadHours(FlowTurn<RetroVisitDraft> turn, string text) =>
        NumberParser.ParseDecimal(text, 0.5m, 12m) is { IsSuccess: true } parsed ? Read<decimal>.Ok(parsed.Value) : Read<decimal>.Refuse(turn.T(VisitTexts.BadHours));

    private async Task LogAsync(FlowTurn<RetroVisitDraft> turn, string reason)
    {
        var hours = turn.Draft.Hours!.Value;
        var context = turn.Context;
        // Between the choice and the hours the IKM may have been moved to another mentor.
        if (await ProgramDirectory.AssignmentForAsync(context, turn.Draft.BusinessId!.Value) is not { } assignment)
        {
            turn.Reply(turn.T(VisitTexts.NotYourIkm));
            return;
        }

        var cohort = await context.Work.GetAsync<Cohort>(assignment.CohortId);
        var start = MentorVisits.CalendarOf(cohort).ToUtc(turn.Draft.Date!.Value, AssumedStart);
        var duration = TimeSpan.FromHours((double)hours);
        var visit = new Visit
        {
            Id = ProgramIds.NewId(),
            CohortId = assignment.CohortId,
            BusinessId = assignment.BusinessId,
            MentorUserId = context.Message.UserId,
            Status = VisitStatus.Logging,
            StartedAt = start,
            EndedAt = start + duration,
            Flags = VisitFlags.Retro,
            RetroReason = reason,
        };
        visit.Flags = MentorVisits.RulesOf(cohort).CompletedFlags(visit);
        turn.Work.Stage(visit);
        turn.HandOff(next => checkOut.ContinueLogbookAsync(next, visit.Id));
    }
}
