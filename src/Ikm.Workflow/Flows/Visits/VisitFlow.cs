using System.Globalization;
using Humanizer;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Parsing;
using Ikm.Workflow.Program;
using Ikm.Workflow.Program.Rules;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;
using Stateless;
using Stateless.Reflection;

namespace Ikm.Workflow.Flows.Visits;

/// <summary>
/// A mentor's visit: check-in (choose IKM → location → distance to the production house; far → reason, flagged;
/// unknown house → this location after confirmation), check-out (duration), the logbook and 0–5 photos.
/// A retro visit (logged afterwards: date and hours instead of check-in/out) is marked as such.
/// Every IKM id in a button is checked against the mentor's active assignments on the server.
/// </summary>
public sealed class VisitFlow(IQuestionnaireCatalog catalog, QuestionPrompter prompter, ILogger<VisitFlow> log) : IFlow
{
    public const string FlowName = "visit";
    public const int MaxPhotos = 5;
    private const string Prefix = "vf";
    private const string BusinessKey = "vf.biz";
    private const string VisitKey = "vf.visit";
    private const string ModeKey = "vf.mode";
    private const string PendingLocationKey = "vf.loc";
    private const string RetroDateKey = "vf.date";

    public string Name => FlowName;

    private ConversationForm Logbook => new(prompter, catalog.Logbook, "lb");

    public Task StartAsync(TurnContext context) => StartCheckInAsync(context);

    public async Task StartCheckInAsync(TurnContext context)
    {
        if (await OpenVisitAsync(context) is { } open)
        {
            context.Conversation.CloseFlow();
            var business = await ProgramDirectory.BusinessAsync(context, open.BusinessId);
            context.Reply(context.T(VisitTexts.AlreadyCheckedIn, business?.BusinessName ?? "IKM", await LocalTimeAsync(context, open, open.StartedAt)));
            return;
        }

        await BeginAsync(context, "in", VisitTrigger.BeginCheckIn);
    }

    public Task StartRetroAsync(TurnContext context) => BeginAsync(context, "retro", VisitTrigger.BeginRetro);

    public async Task StartCheckOutAsync(TurnContext context)
    {
        if (await UnfinishedLogbookAsync(context) is { } logging)
        {
            // Left with /batal (or a menu) after check-out: the logbook continues where it stopped, answers kept.
            context.Conversation.Flow = FlowName;
            context.Conversation.Data[VisitKey] = logging.Id;
            context.Conversation.Data[BusinessKey] = logging.BusinessId.ToString("N");
            context.Conversation.State = nameof(VisitState.Logbook);
            if (!Logbook.AskNext(context))
            {
                context.Conversation.State = nameof(VisitState.Photos);
                AskPhotos(context, null);
            }

            return;
        }

        if (await OpenVisitAsync(context) is not { } visit)
        {
            context.Conversation.CloseFlow();
            context.Reply(context.T(VisitTexts.NoOpenVisit));
            return;
        }

        context.Conversation.Flow = FlowName;
        context.Conversation.State = nameof(VisitState.ChoosingIkm);
        context.Conversation.Data[VisitKey] = visit.Id;
        context.Conversation.Data[BusinessKey] = visit.BusinessId.ToString("N");
        // Left open past the cohort's limit: the end time is asked, not taken from the clock.
        await Build(context).FireAsync(visit.CloseBy is { } closeBy && closeBy <= context.Now ? VisitTrigger.BeginLateCheckOut : VisitTrigger.BeginCheckOut);
    }

    public async Task HandleAsync(TurnContext context)
    {
        var machine = Build(context);
        var message = context.Message;
        switch (State(context))
        {
            case VisitState.ChoosingIkm:
                await ChooseIkmAsync(context, machine);
                break;
            case VisitState.AwaitingLocation when message.Location is { } point:
                await LocationAsync(context, machine, point);
                break;
            case VisitState.AwaitingLocation:
                AskLocation(context, context.T(VisitTexts.LocationNeeded));
                break;
            case VisitState.ConfirmingHome when message.ButtonData is "vf:home:yes" or "vf:home:no":
                await machine.FireAsync(VisitTrigger.HomeDecided);
                break;
            case VisitState.AwaitingReason when message.Kind == IncomingKind.Text && !string.IsNullOrWhiteSpace(message.Text):
                context.Conversation.Data["vf.reason"] = message.Text!.Trim();
                await machine.FireAsync(VisitTrigger.ReasonGiven);
                break;
            case VisitState.RetroDate:
                await RetroDateAsync(context, machine);
                break;
            case VisitState.AwaitingEndTime:
                await EndTimeAsync(context, machine);
                break;
            case VisitState.RetroHours:
                await RetroHoursAsync(context, machine);
                break;
            case VisitState.Logbook:
                if (Logbook.Handle(context) == FormStep.Completed)
                    await machine.FireAsync(VisitTrigger.LogbookDone);
                break;
            case VisitState.Photos:
                await PhotoAsync(context, machine);
                break;
            default:
                if (message.Kind == IncomingKind.Button) context.Reply(context.T(CommonTexts.StaleButton));
                else await HelpAsync(context);
                break;
        }
    }

    public async Task HelpAsync(TurnContext context)
    {
        switch (State(context))
        {
            case VisitState.ChoosingIkm:
                await ListIkmsAsync(context, context.T(VisitTexts.ChooseIkm));
                break;
            case VisitState.AwaitingLocation:
                AskLocation(context, context.T(VisitTexts.LocationNeeded));
                break;
            case VisitState.Logbook:
                Logbook.AskCurrent(context, preface: null);
                break;
            case VisitState.Photos:
                AskPhotos(context, context.T(VisitTexts.PhotoExpected));
                break;
            case VisitState.RetroDate:
                context.Reply(context.T(VisitTexts.AskRetroDate));
                break;
            case VisitState.RetroHours:
                context.Reply(context.T(VisitTexts.AskRetroHours));
                break;
            default:
                context.Reply(context.T(CommonTexts.GlobalHelp));
                break;
        }
    }

    public Task<bool> BackAsync(TurnContext context) =>
        Task.FromResult(State(context) == VisitState.Logbook && Logbook.Back(context));

    public StateMachineInfo Describe() => Build(TurnContextFactory.ForDiagram(nameof(VisitState.ChoosingIkm))).GetInfo();

    private StateMachine<VisitState, VisitTrigger> Build(TurnContext context)
    {
        var machine = new StateMachine<VisitState, VisitTrigger>(
            () => State(context),
            state => context.Conversation.State = state.ToString());

        machine.Configure(VisitState.ChoosingIkm)
            .InternalTransitionAsync(VisitTrigger.BeginCheckIn, _ => ListIkmsAsync(context, context.T(VisitTexts.ChooseIkm)))
            .InternalTransitionAsync(VisitTrigger.BeginRetro, _ => ListIkmsAsync(context, context.T(VisitTexts.ChooseIkm)))
            .PermitIf(VisitTrigger.IkmChosen, VisitState.AwaitingLocation, () => Mode(context) == "in", "check-in")
            .PermitIf(VisitTrigger.IkmChosen, VisitState.RetroDate, () => Mode(context) == "retro", "retro visit")
            .Permit(VisitTrigger.BeginCheckOut, VisitState.Logbook)
            .Permit(VisitTrigger.BeginLateCheckOut, VisitState.AwaitingEndTime);

        machine.Configure(VisitState.AwaitingEndTime)
            .OnEntryAsync(async () => context.Reply(context.T(VisitTexts.AskEndTime, await BusinessNameAsync(context)), removeKeyboard: true), "ask the real end time")
            .Permit(VisitTrigger.EndTimeGiven, VisitState.Logbook);

        machine.Configure(VisitState.AwaitingLocation)
            .OnEntryAsync(async () => AskLocation(context, context.T(VisitTexts.AskLocation, await BusinessNameAsync(context))), "ask location")
            .Permit(VisitTrigger.LocationNear, VisitState.Done)
            .Permit(VisitTrigger.LocationFar, VisitState.AwaitingReason)
            .Permit(VisitTrigger.LocationUnknownHome, VisitState.ConfirmingHome);

        machine.Configure(VisitState.ConfirmingHome)
            .OnEntryAsync(async () => context.Reply(context.T(VisitTexts.AskHome, await BusinessNameAsync(context)),
                [[new Button(context.T(VisitTexts.Yes), "vf:home:yes"), new Button(context.T(VisitTexts.No), "vf:home:no")]]), "ask to store the house location")
            .Permit(VisitTrigger.HomeDecided, VisitState.Done);

        machine.Configure(VisitState.AwaitingReason)
            .Permit(VisitTrigger.ReasonGiven, VisitState.Done);

        machine.Configure(VisitState.RetroDate)
            .OnEntry(() => context.Reply(context.T(VisitTexts.AskRetroDate), removeKeyboard: true), "ask date")
            .Permit(VisitTrigger.DateGiven, VisitState.RetroHours);

        machine.Configure(VisitState.RetroHours)
            .OnEntry(() => context.Reply(context.T(VisitTexts.AskRetroHours)), "ask hours")
            .Permit(VisitTrigger.HoursGiven, VisitState.Logbook);

        machine.Configure(VisitState.Logbook)
            .OnEntryFromAsync(VisitTrigger.BeginCheckOut, () => CheckOutAsync(context, context.Now), "close visit, duration, ask logbook")
            .OnEntryFromAsync(VisitTrigger.EndTimeGiven, () => CheckOutAsync(context, EndTime(context)), "close forgotten visit at the stated time")
            .OnEntryFromAsync(VisitTrigger.HoursGiven, () => StartRetroLogbookAsync(context), "retro visit, ask logbook")
            .Permit(VisitTrigger.LogbookDone, VisitState.Photos);

        machine.Configure(VisitState.Photos)
            .OnEntry(() => AskPhotos(context, null), "ask photos")
            .Permit(VisitTrigger.PhotosDone, VisitState.Done);

        machine.Configure(VisitState.Done)
            .OnEntryFromAsync(VisitTrigger.LocationNear, () => CheckInAsync(context), "check in")
            .OnEntryFromAsync(VisitTrigger.ReasonGiven, () => CheckInAsync(context), "check in, flagged far")
            .OnEntryFromAsync(VisitTrigger.HomeDecided, () => CheckInAsync(context), "check in at new house location")
            .OnEntryFromAsync(VisitTrigger.PhotosDone, () => CompleteAsync(context), "logbook saved");

        return machine;
    }

    private async Task BeginAsync(TurnContext context, string mode, VisitTrigger trigger)
    {
        if (await UnfinishedLogbookAsync(context) is { } logging)
        {
            // One logbook at a time: starting another visit would lose the answers of the unfinished one.
            context.Conversation.CloseFlow();
            var name = (await ProgramDirectory.BusinessAsync(context, logging.BusinessId))?.BusinessName ?? "IKM";
            context.Reply(context.T(VisitTexts.FinishLogbookFirst, name), [[new Button(context.T(MenuTexts.CheckOut), VisitActions.CheckOutButton)]]);
            return;
        }

        foreach (var key in context.Conversation.Data.Keys.Where(k => k.StartsWith("vf.", StringComparison.Ordinal)).ToList())
            context.Conversation.Data.Remove(key);
        Logbook.Clear(context);
        context.Conversation.Flow = FlowName;
        context.Conversation.State = nameof(VisitState.ChoosingIkm);
        context.Conversation.Data[ModeKey] = mode;
        await Build(context).FireAsync(trigger);
    }

    private async Task ListIkmsAsync(TurnContext context, string title)
    {
        var assignments = await ProgramDirectory.ActiveAssignmentsOfMentorAsync(context, context.Message.UserId);
        if (assignments.Count == 0)
        {
            context.Conversation.CloseFlow();
            context.Reply(context.T(VisitTexts.NoIkms));
            return;
        }

        context.Reply(title, await ProgramDirectory.IkmButtonsAsync(context, Prefix));
    }

    private async Task ChooseIkmAsync(TurnContext context, StateMachine<VisitState, VisitTrigger> machine)
    {
        if (ProgramDirectory.PressedIkm(context, Prefix) is not { } businessId)
        {
            await ListIkmsAsync(context, context.T(context.Message.ButtonData is null ? VisitTexts.ChooseIkm : CommonTexts.StaleButton));
            return;
        }

        if (!await ProgramDirectory.EnsureAssignedAsync(context, businessId, log)) return;

        context.Conversation.Data[BusinessKey] = businessId.ToString("N");
        await machine.FireAsync(VisitTrigger.IkmChosen);
    }

    private async Task LocationAsync(TurnContext context, StateMachine<VisitState, VisitTrigger> machine, GeoPoint point)
    {
        context.Conversation.Data[PendingLocationKey] = string.Create(CultureInfo.InvariantCulture, $"{point.Latitude},{point.Longitude}");
        var business = await CurrentBusinessAsync(context);
        var cohort = await CohortAsync(context);
        if (business?.Location is not { } house)
        {
            await machine.FireAsync(VisitTrigger.LocationUnknownHome);
            return;
        }

        var meters = GeoDistance.Meters(point, house);
        context.Conversation.Data["vf.dist"] = meters.ToString("0.#", CultureInfo.InvariantCulture);
        if (new VisitRules(cohort?.Rules ?? new CohortRules()).IsFar(meters))
        {
            context.Reply(context.T(VisitTexts.AskReason, Meters(meters), Meters(cohort?.Rules.MaxCheckInDistanceMeters ?? 500)), removeKeyboard: true);
            await machine.FireAsync(VisitTrigger.LocationFar);
            return;
        }

        await machine.FireAsync(VisitTrigger.LocationNear);
    }

    private async Task CheckInAsync(TurnContext context)
    {
        var business = (await CurrentBusinessAsync(context))!;
        var assignment = (await ProgramDirectory.AssignmentForAsync(context, business.Id))!;
        var cohort = await context.Work.GetAsync<Cohort>(assignment.CohortId);
        var rules = new VisitRules(cohort?.Rules ?? new CohortRules());
        var location = ParsePoint(context.Conversation.Data.GetValueOrDefault(PendingLocationKey));
        double? distance = double.TryParse(context.Conversation.Data.GetValueOrDefault("vf.dist"), CultureInfo.InvariantCulture, out var d) ? d : null;
        if (business.Location is null && context.Message.ButtonData == "vf:home:yes" && location is not null)
        {
            business.Location = location;
            business.UpdatedAt = context.Now;
            context.Work.Stage(business);
            distance = 0;
        }

        var reason = context.Conversation.Data.GetValueOrDefault("vf.reason");
        var visit = new Visit
        {
            Id = ProgramIds.NewId(),
            CohortId = assignment.CohortId,
            BusinessId = business.Id,
            MentorUserId = context.Message.UserId,
            Status = VisitStatus.CheckedIn,
            StartedAt = context.Now,
            CheckInLocation = location,
            DistanceMeters = distance,
            DistanceReason = reason,
            Flags = reason is null ? VisitFlags.None : VisitFlags.FarFromProductionHouse,
            CloseBy = rules.CloseBy(context.Now),
        };
        context.Work.Stage(visit);
        context.Conversation.CloseFlow();
        var distanceText = distance is { } m ? context.T(VisitTexts.Distance, Meters(m)) : "";
        context.Reply(context.T(VisitTexts.CheckedIn, business.BusinessName ?? "IKM", await LocalTimeAsync(context, visit, visit.StartedAt), distanceText),
            [[new Button(context.T(MenuTexts.CheckOut), VisitActions.CheckOutButton)]], removeKeyboard: true);
    }

    private async Task CheckOutAsync(TurnContext context, DateTimeOffset endedAt)
    {
        var visit = (await context.Work.GetAsync<Visit>(context.Conversation.Data[VisitKey]))!;
        var cohort = await context.Work.GetAsync<Cohort>(visit.CohortId);
        var rules = new VisitRules(cohort?.Rules ?? new CohortRules());
        visit.EndedAt = endedAt;
        visit.Status = VisitStatus.Logging;
        visit.Flags |= rules.IsShort(visit.EndedAt.Value - visit.StartedAt) ? VisitFlags.Short : VisitFlags.None;
        visit.Flags |= endedAt != context.Now ? VisitFlags.ForgottenCheckOut : VisitFlags.None;
        context.Work.Stage(visit);
        var duration = (visit.EndedAt.Value - visit.StartedAt).Humanize(precision: 2, culture: Languages.Culture(context.Language), minUnit: TimeUnit.Minute);
        var shortNote = visit.Flags.HasFlag(VisitFlags.Short) ? context.T(VisitTexts.ShortVisit, rules.MinDuration.TotalHours) : "";
        context.Reply(context.T(VisitTexts.CheckedOut, await BusinessNameAsync(context), duration, shortNote));
        Logbook.Clear(context);
        Logbook.AskNext(context);
    }

    private async Task RetroDateAsync(TurnContext context, StateMachine<VisitState, VisitTrigger> machine)
    {
        var parsed = DateParser.Parse(context.Message.Text);
        if (!parsed.IsSuccess)
        {
            context.Reply(ParsingTexts.Reason(parsed.Error, context.Language) + " " + context.T(VisitTexts.AskRetroDate));
            return;
        }

        var cohort = await CohortAsync(context);
        var calendar = new ProgramCalendar(cohort?.TimeZoneId ?? "Asia/Jakarta");
        if (parsed.Value > calendar.LocalDate(context.Now))
        {
            context.Reply(context.T(VisitTexts.FutureDate) + " " + context.T(VisitTexts.AskRetroDate));
            return;
        }

        context.Conversation.Data[RetroDateKey] = parsed.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await machine.FireAsync(VisitTrigger.DateGiven);
    }

    /// <summary>"15:30" or "15.30": the end time on the check-in's local day (the next day if earlier than the start).</summary>
    private static async Task EndTimeAsync(TurnContext context, StateMachine<VisitState, VisitTrigger> machine)
    {
        var visit = (await context.Work.GetAsync<Visit>(context.Conversation.Data[VisitKey]))!;
        var cohort = await context.Work.GetAsync<Cohort>(visit.CohortId);
        var calendar = new ProgramCalendar(cohort?.TimeZoneId ?? "Asia/Jakarta");
        var text = (context.Message.Text ?? "").Trim().Replace('.', ':');
        if (!TimeOnly.TryParseExact(text, ["H:mm", "HH:mm", "%H"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            context.Reply(context.T(VisitTexts.BadEndTime));
            return;
        }

        var end = calendar.ToUtc(calendar.LocalDate(visit.StartedAt), time);
        if (end <= visit.StartedAt) end = end.AddDays(1);
        if (end > context.Now)
        {
            context.Reply(context.T(VisitTexts.BadEndTime));
            return;
        }

        context.Conversation.Data["vf.end"] = end.ToString("O", CultureInfo.InvariantCulture);
        await machine.FireAsync(VisitTrigger.EndTimeGiven);
    }

    private static DateTimeOffset EndTime(TurnContext context) =>
        DateTimeOffset.Parse(context.Conversation.Data["vf.end"], CultureInfo.InvariantCulture);

    private static async Task RetroHoursAsync(TurnContext context, StateMachine<VisitState, VisitTrigger> machine)
    {
        var parsed = NumberParser.ParseDecimal(context.Message.Text, 0.5m, 12m);
        if (!parsed.IsSuccess)
        {
            context.Reply(context.T(VisitTexts.BadHours));
            return;
        }

        context.Conversation.Data["vf.hours"] = parsed.Value.ToString(CultureInfo.InvariantCulture);
        await machine.FireAsync(VisitTrigger.HoursGiven);
    }

    private async Task StartRetroLogbookAsync(TurnContext context)
    {
        var business = (await CurrentBusinessAsync(context))!;
        var assignment = (await ProgramDirectory.AssignmentForAsync(context, business.Id))!;
        var cohort = await context.Work.GetAsync<Cohort>(assignment.CohortId);
        var calendar = new ProgramCalendar(cohort?.TimeZoneId ?? "Asia/Jakarta");
        var rules = new VisitRules(cohort?.Rules ?? new CohortRules());
        var date = DateOnly.ParseExact(context.Conversation.Data[RetroDateKey], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var hours = double.Parse(context.Conversation.Data["vf.hours"], CultureInfo.InvariantCulture);
        // The day is known, the hour is not: a retro visit is recorded from 09:00 local.
        var start = calendar.ToUtc(date, new TimeOnly(9, 0));
        var visit = new Visit
        {
            Id = ProgramIds.NewId(),
            CohortId = assignment.CohortId,
            BusinessId = business.Id,
            MentorUserId = context.Message.UserId,
            Status = VisitStatus.Logging,
            StartedAt = start,
            EndedAt = start.AddHours(hours),
            Flags = VisitFlags.Retro | (rules.IsShort(TimeSpan.FromHours(hours)) ? VisitFlags.Short : VisitFlags.None),
        };
        context.Work.Stage(visit);
        context.Conversation.Data[VisitKey] = visit.Id;
        Logbook.Clear(context);
        Logbook.AskNext(context);
    }

    private async Task PhotoAsync(TurnContext context, StateMachine<VisitState, VisitTrigger> machine)
    {
        var visit = (await context.Work.GetAsync<Visit>(context.Conversation.Data[VisitKey]))!;
        if (context.Message.ButtonData == Prefix + ":photos:done")
        {
            await machine.FireAsync(VisitTrigger.PhotosDone);
            return;
        }

        if (context.Message.PhotoFileId is not { } fileId)
        {
            AskPhotos(context, context.T(VisitTexts.PhotoExpected));
            return;
        }

        visit.Photos.Add(new VisitPhoto(fileId, null));
        context.Work.Stage(visit);
        if (visit.Photos.Count >= MaxPhotos)
        {
            await machine.FireAsync(VisitTrigger.PhotosDone);
            return;
        }

        context.Reply(context.T(VisitTexts.PhotoSaved, visit.Photos.Count), [[new Button(context.T(VisitTexts.PhotosDone), Prefix + ":photos:done")]]);
    }

    private async Task CompleteAsync(TurnContext context)
    {
        var visit = (await context.Work.GetAsync<Visit>(context.Conversation.Data[VisitKey]))!;
        var answers = Logbook.Relevant(context);
        visit.Problem = answers.GetValueOrDefault("problem");
        visit.Mentored = answers.GetValueOrDefault("mentored");
        visit.Result = answers.GetValueOrDefault("result");
        visit.NextStep = answers.GetValueOrDefault("next_step");
        visit.Areas = [.. (answers.GetValueOrDefault("areas") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        visit.Status = VisitStatus.Completed;
        context.Work.Stage(visit);
        Logbook.Clear(context);
        context.Conversation.CloseFlow();

        var culture = Languages.Culture(context.Language);
        var flags = new List<string>();
        if (visit.Flags.HasFlag(VisitFlags.FarFromProductionHouse)) flags.Add(context.T(VisitTexts.FlagFar));
        if (visit.Flags.HasFlag(VisitFlags.Short)) flags.Add(context.T(VisitTexts.FlagShort));
        if (visit.Flags.HasFlag(VisitFlags.Retro)) flags.Add(context.T(VisitTexts.FlagRetro));
        if (visit.Flags.HasFlag(VisitFlags.ForgottenCheckOut)) flags.Add(context.T(VisitTexts.FlagForgotten));
        var duration = visit.Duration?.Humanize(precision: 2, culture: culture, minUnit: TimeUnit.Minute) ?? "";
        context.Reply(context.T(VisitTexts.Saved, await BusinessNameAsync(context), duration, visit.Photos.Count,
            flags.Count > 0 ? context.T(VisitTexts.FlagsNote, string.Join(", ", flags)) : ""));
    }

    private void AskPhotos(TurnContext context, string? preface) =>
        context.Reply((preface is null ? "" : preface + "\n") + context.T(VisitTexts.AskPhotos),
            [[new Button(context.T(VisitTexts.PhotosDone), Prefix + ":photos:done")]]);

    private static void AskLocation(TurnContext context, string text) =>
        context.Reply(text, keyboard: [[new KeyboardKey(context.T(VisitTexts.ShareLocation), RequestLocation: true)]]);

    private static async Task<Visit?> UnfinishedLogbookAsync(TurnContext context) =>
        (await context.Work.FindAsync<Visit>("mentor", context.Message.UserId.ToString(CultureInfo.InvariantCulture)))
        .Where(v => v.Status == VisitStatus.Logging).MaxBy(v => v.StartedAt);

    private static async Task<Visit?> OpenVisitAsync(TurnContext context) =>
        (await context.Work.FindAsync<Visit>("mentor", context.Message.UserId.ToString(CultureInfo.InvariantCulture)))
        .FirstOrDefault(v => v.Status == VisitStatus.CheckedIn);

    private static async Task<Businesses.Business?> CurrentBusinessAsync(TurnContext context) =>
        Guid.TryParseExact(context.Conversation.Data.GetValueOrDefault(BusinessKey), "N", out var id) ? await ProgramDirectory.BusinessAsync(context, id) : null;

    private static async Task<string> BusinessNameAsync(TurnContext context) => (await CurrentBusinessAsync(context))?.BusinessName ?? "IKM";

    private static async Task<Cohort?> CohortAsync(TurnContext context)
    {
        var business = await CurrentBusinessAsync(context);
        var assignment = business is null ? null : await ProgramDirectory.AssignmentForAsync(context, business.Id);
        return assignment is null ? null : await context.Work.GetAsync<Cohort>(assignment.CohortId);
    }

    /// <summary>"08:00 WITA": a time in the cohort's zone, with its Indonesian abbreviation.</summary>
    private static async Task<string> LocalTimeAsync(TurnContext context, Visit visit, DateTimeOffset at)
    {
        var cohort = await context.Work.GetAsync<Cohort>(visit.CohortId);
        var zone = ProgramCalendar.ResolveTimeZone(cohort?.TimeZoneId ?? "Asia/Jakarta");
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + zone.BaseUtcOffset.TotalHours switch
        {
            7 => "WIB",
            8 => "WITA",
            9 => "WIT",
            var hours => "UTC" + hours.ToString("+0;-0", CultureInfo.InvariantCulture),
        };
    }

    private static string Meters(double meters) =>
        meters >= 1000 ? (meters / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " km" : Math.Round(meters).ToString(CultureInfo.InvariantCulture) + " m";

    private static GeoPoint? ParsePoint(string? stored) =>
        stored?.Split(',') is [var lat, var lon]
        && double.TryParse(lat, CultureInfo.InvariantCulture, out var la) && double.TryParse(lon, CultureInfo.InvariantCulture, out var lo)
            ? new GeoPoint(la, lo) : null;

    private static string Mode(TurnContext context) => context.Conversation.Data.GetValueOrDefault(ModeKey) ?? "in";

    private static VisitState State(TurnContext context) =>
        Enum.TryParse<VisitState>(context.Conversation.State, out var state) ? state : VisitState.ChoosingIkm;
}
