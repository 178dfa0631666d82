using Ikm.Workflow.Engine;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;

namespace Ikm.Workflow.Flows.Visits.CheckIn;

/// <summary>
/// A mentor arrives at an IKM: choose the IKM → share the location → measured against the production house; far →
/// a reason, flagged; no house location yet → this one, after confirmation. One check-in is open at a time, and none
/// while a logbook is unfinished. Every IKM id in a button is checked against the mentor's assignments on the server.
/// </summary>
public sealed class CheckInFlow(ILogger<CheckInFlow> log) : Flow<CheckInState, CheckInTrigger, CheckInDraft>("vf"), IRouteOwner
{
    public const string FlowName = "checkin";

    public override string Name => FlowName;
    protected override CheckInState Idle => CheckInState.Idle;
    protected override CheckInTrigger Start => CheckInTrigger.Begin;

    /// <summary>"vs:in": the button of the menus and notices before the menu button; still in chats.</summary>
    public IEnumerable<EntryRoute> Routes => [new(Members.MemberRole.Mentor, StartAsync) { Buttons = [MenuPresenter.CheckInButton, "vs:in"], Commands = ["checkin"], Help = VisitTexts.CheckInHelp }];

    public override async Task StartAsync(TurnContext context) =>
        await BeginAsync(context,
            await MentorVisits.OpenVisitAsync(context) is not null ? CheckInTrigger.FoundOpenVisit
            : await MentorVisits.UnfinishedLogbookAsync(context) is not null ? CheckInTrigger.FoundUnfinishedLogbook
            : !await MentorVisits.HasIkmsAsync(context) ? CheckInTrigger.FoundNoIkms
            : CheckInTrigger.Begin);

    protected override void Configure(FlowBuilder<CheckInState, CheckInTrigger, CheckInDraft> flow)
    {
        var chooseIkm = flow.Trigger<Guid>(CheckInTrigger.ChooseIkm);
        var shareLocation = flow.Trigger<Placement>(CheckInTrigger.ShareLocation);
        var giveReason = flow.Trigger<string>(CheckInTrigger.GiveReason);

        flow.Step(CheckInState.Idle)
            .Permit(CheckInTrigger.Begin, CheckInState.ChoosingIkm)
            .Permit(CheckInTrigger.FoundUnfinishedLogbook, CheckInState.LogbookUnfinished)
            .Permit(CheckInTrigger.FoundOpenVisit, CheckInState.AlreadyCheckedIn)
            .Permit(CheckInTrigger.FoundNoIkms, CheckInState.NothingAssigned);

        flow.Step(CheckInState.ChoosingIkm)
            .ChoosesAssignedIkm(Choices, chooseIkm, log)
            .Permit(CheckInTrigger.ChooseIkm, CheckInState.AwaitingLocation);

        flow.Step(CheckInState.AwaitingLocation)
            .OnEntryFrom(chooseIkm, (turn, businessId) => turn.Draft.BusinessId = businessId, "remember the IKM")
            .Prompt(async turn => MentorVisits.AskLocation(turn.Context, turn.T(VisitTexts.AskLocation, await BusinessNameAsync(turn))), "ask the location")
            .Help(turn => MentorVisits.AskLocation(turn.Context, turn.T(VisitTexts.LocationNeeded)))
            .OnLocation(PlaceAsync, shareLocation)
            .Otherwise(turn => MentorVisits.AskLocation(turn.Context, turn.T(VisitTexts.LocationNeeded)))
            .PermitIf(shareLocation, CheckInState.CheckedIn, placement => placement.Near, "near the production house")
            .PermitIf(shareLocation, CheckInState.AwaitingReason, placement => placement.Far, "far from the production house")
            .PermitIf(shareLocation, CheckInState.ConfirmingHouse, placement => placement.HouseUnknown, "house location unknown");

        flow.Step(CheckInState.AwaitingReason)
            .OnEntryFrom(shareLocation, (turn, placement) => turn.Draft.Placement = placement, "remember the location")
            .Prompt(AskReason, "ask why so far")
            .OnText(giveReason)
            .Permit(CheckInTrigger.GiveReason, CheckInState.CheckedIn);

        flow.Step(CheckInState.ConfirmingHouse)
            .OnEntryFrom(shareLocation, (turn, placement) => turn.Draft.Placement = placement, "remember the location")
            .Prompt(async turn => turn.Reply(turn.T(VisitTexts.AskHome, await BusinessNameAsync(turn)),
                [[turn.Button(VisitTexts.Yes, HouseChoice.Yes), turn.Button(VisitTexts.No, HouseChoice.No)]]), "ask to store the house location")
            .OnChoice(HouseChoice.Yes, CheckInTrigger.UseAsHouse)
            .OnChoice(HouseChoice.No, CheckInTrigger.KeepHouseUnknown)
            .Permit(CheckInTrigger.UseAsHouse, CheckInState.CheckedIn)
            .Permit(CheckInTrigger.KeepHouseUnknown, CheckInState.CheckedIn);

        flow.Step(CheckInState.CheckedIn).Ends()
            .OnEntryFrom(shareLocation, (turn, placement) => CheckInAsync(turn, placement, reason: null), "check in")
            .OnEntryFrom(giveReason, (turn, reason) => CheckInAsync(turn, turn.Draft.Placement!, reason), "check in, flagged far")
            .OnEntryFrom(CheckInTrigger.UseAsHouse, UseAsHouseAsync, "store the house location, check in")
            .OnEntryFrom(CheckInTrigger.KeepHouseUnknown, turn => CheckInAsync(turn, turn.Draft.Placement!, reason: null), "check in");

        flow.Step(CheckInState.AlreadyCheckedIn).Ends()
            .OnEntryFrom(CheckInTrigger.FoundOpenVisit, TellAlreadyCheckedInAsync, "say where the mentor is checked in");

        flow.Step(CheckInState.LogbookUnfinished).Ends()
            .OnEntryFrom(CheckInTrigger.FoundUnfinishedLogbook, turn => VisitNotices.FinishLogbookFirstAsync(turn.Context), "ask to finish the logbook first");

        flow.Step(CheckInState.NothingAssigned).Ends()
            .OnEntryFrom(CheckInTrigger.FoundNoIkms, turn => turn.Reply(turn.T(VisitTexts.NoIkms)), "no IKM assigned");
    }

    private static async Task<Read<Placement>> PlaceAsync(FlowTurn<CheckInDraft> turn, GeoPoint point)
    {
        var businessId = turn.Draft.BusinessId!.Value;
        var business = await ProgramDirectory.BusinessAsync(turn.Context, businessId);
        var rules = MentorVisits.RulesOf(await MentorVisits.CohortOfAsync(turn.Context, businessId));
        var limit = rules.MaxDistanceMeters;
        if (business?.Location is not { } house) return Read<Placement>.Ok(new Placement(point, null, Far: false, limit));
        var meters = GeoDistance.Meters(point, house);
        return Read<Placement>.Ok(new Placement(point, meters, rules.IsFar(meters), limit));
    }

    private static void AskReason(FlowTurn<CheckInDraft> turn)
    {
        var placement = turn.Draft.Placement!;
        turn.Reply(turn.T(VisitTexts.AskReason, MentorVisits.Meters(placement.DistanceMeters!.Value), MentorVisits.Meters(placement.LimitMeters)), removeKeyboard: true);
    }

    private static async Task UseAsHouseAsync(FlowTurn<CheckInDraft> turn)
    {
        var placement = turn.Draft.Placement!;
        if (await ProgramDirectory.BusinessAsync(turn.Context, turn.Draft.BusinessId!.Value) is { Location: null } business)
        {
            business.Location = placement.Point;
            business.UpdatedAt = turn.Now;
            turn.Work.Stage(business);
        }

        await CheckInAsync(turn, placement with { DistanceMeters = 0 }, reason: null);
    }

    private static async Task CheckInAsync(FlowTurn<CheckInDraft> turn, Placement placement, string? reason)
    {
        var context = turn.Context;
        var businessId = turn.Draft.BusinessId!.Value;
        // Between the choice and the location the IKM may have been moved to another mentor.
        if (await ProgramDirectory.AssignmentForAsync(context, businessId) is not { } assignment)
        {
            turn.Reply(turn.T(VisitTexts.NotYourIkm), removeKeyboard: true);
            return;
        }

        var rules = MentorVisits.RulesOf(await context.Work.GetAsync<Cohort>(assignment.CohortId));
        var visit = new Visit
        {
            Id = ProgramIds.NewId(),
            CohortId = assignment.CohortId,
            BusinessId = businessId,
            MentorUserId = context.Message.UserId,
            Status = VisitStatus.CheckedIn,
            StartedAt = turn.Now,
            CheckInLocation = placement.Point,
            DistanceMeters = placement.DistanceMeters,
            DistanceReason = reason,
            Flags = reason is null ? VisitFlags.None : VisitFlags.FarFromProductionHouse,
            CloseBy = rules.CloseBy(turn.Now),
        };
        turn.Work.Stage(visit);
        var distanceText = placement.DistanceMeters is { } meters ? turn.T(VisitTexts.Distance, MentorVisits.Meters(meters)) : "";
        turn.Reply(turn.T(VisitTexts.CheckedIn, await BusinessNameAsync(turn), await MentorVisits.LocalTimeAsync(context, visit, visit.StartedAt), distanceText),
            [[new Button(turn.T(MenuTexts.CheckOut), MenuPresenter.CheckOutButton)]], removeKeyboard: true);
    }

    private static async Task TellAlreadyCheckedInAsync(FlowTurn<CheckInDraft> turn)
    {
        var open = (await MentorVisits.OpenVisitAsync(turn.Context))!;
        turn.Reply(turn.T(VisitTexts.AlreadyCheckedIn, await MentorVisits.BusinessNameAsync(turn.Context, open.BusinessId),
            await MentorVisits.LocalTimeAsync(turn.Context, open, open.StartedAt)));
    }

    private static Task<string> BusinessNameAsync(FlowTurn<CheckInDraft> turn) => MentorVisits.BusinessNameAsync(turn.Context, turn.Draft.BusinessId);
}
