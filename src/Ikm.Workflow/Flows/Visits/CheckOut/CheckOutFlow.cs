using System.Globalization;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Parsing;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Visits.CheckOut;

/// <summary>
/// A mentor leaves: after a confirmation ("Selesai kunjungan di X sekarang?", so a mis-tap closes nothing) the open
/// visit is closed at the clock — or at the end time the mentor gives when it was left open too long — then the logbook (questionnaires/logbook.yaml) and 0–5 photos. An unfinished logbook continues where it
/// stopped, answers kept; a retro visit's logbook is written here too.
/// </summary>
public sealed class CheckOutFlow(IQuestionnaireCatalog catalog, QuestionPrompter prompter) : Flow<CheckOutState, CheckOutTrigger, CheckOutDraft>("vo"), IRouteOwner
{
    public const string FlowName = "checkout";
    public const int MaxPhotos = 5;

    public override string Name => FlowName;
    protected override CheckOutState Idle => CheckOutState.Idle;
    protected override CheckOutTrigger Start => CheckOutTrigger.Begin;

    public IEnumerable<EntryRoute> Routes => [new(Members.MemberRole.Mentor, StartAsync) { Buttons = [MenuPresenter.CheckOutButton, "vs:out"], Commands = ["checkout"], Help = VisitTexts.CheckOutHelp, Continues = FlowName }];

    private QuestionnaireRunner Logbook => new(prompter, catalog.Logbook, "lb");

    public override async Task StartAsync(TurnContext context)
    {
        if (await MentorVisits.UnfinishedLogbookAsync(context) is { } logging)
            await ContinueLogbookAsync(context, logging.Id);
        else if (await MentorVisits.OpenVisitAsync(context) is not { } visit)
            await BeginAsync(context, CheckOutTrigger.FoundNothingOpen);
        else
            await BeginAsync(context, MentorVisits.RulesOf(await context.Work.GetAsync<Cohort>(visit.CohortId)).MustClose(visit, context.Now)
                ? CheckOutTrigger.BeginLate : CheckOutTrigger.Begin, new CheckOutDraft { VisitId = visit.Id });
    }

    /// <summary>The logbook of a visit already closed: the answers given so far are kept when they are this visit's.</summary>
    public Task ContinueLogbookAsync(TurnContext context, string visitId)
    {
        var stored = StoredDraft(context);
        return BeginAsync(context, CheckOutTrigger.ContinueLogbook, stored.VisitId == visitId ? stored : new CheckOutDraft { VisitId = visitId });
    }

    protected override void Configure(FlowBuilder<CheckOutState, CheckOutTrigger, CheckOutDraft> flow)
    {
        var giveEndTime = flow.Trigger<DateTimeOffset>(CheckOutTrigger.GiveEndTime);
        var addPhoto = flow.Trigger<NewPhoto>(CheckOutTrigger.AddPhoto);

        flow.Step(CheckOutState.Idle)
            .Permit(CheckOutTrigger.Begin, CheckOutState.Confirming)
            .Permit(CheckOutTrigger.BeginLate, CheckOutState.AwaitingEndTime)
            .Permit(CheckOutTrigger.ContinueLogbook, CheckOutState.Logbook)
            .Permit(CheckOutTrigger.FoundNothingOpen, CheckOutState.NothingOpen);

        flow.Step(CheckOutState.Confirming)
            .Prompt(AskToFinishAsync, "ask to finish the visit now")
            .OnChoice(FinishChoice.Finish, CheckOutTrigger.Finish)
            .OnChoice(FinishChoice.KeepOpen, CheckOutTrigger.KeepOpen)
            .Permit(CheckOutTrigger.Finish, CheckOutState.Logbook)
            .Permit(CheckOutTrigger.KeepOpen, CheckOutState.KeptOpen);

        flow.Step(CheckOutState.KeptOpen).Ends()
            .OnEntryFrom(CheckOutTrigger.KeepOpen, turn => turn.Reply(turn.T(VisitTexts.KeptOpen)), "the check-in stays open");

        flow.Step(CheckOutState.AwaitingEndTime)
            .Prompt(async turn => turn.Reply(turn.T(VisitTexts.AskEndTime, await BusinessNameAsync(turn)), removeKeyboard: true), "ask the real end time")
            .OnText(ReadEndTimeAsync, giveEndTime)
            .Permit(CheckOutTrigger.GiveEndTime, CheckOutState.Logbook);

        flow.Step(CheckOutState.Logbook)
            .OnEntryFrom(CheckOutTrigger.Finish, turn => CheckOutAsync(turn, turn.Now), "close the visit now")
            .OnEntryFrom(giveEndTime, CheckOutAsync, "close the forgotten visit at the stated time")
            .Prompt(turn => { if (!Logbook.AskNext(turn.Context, turn.Draft.Logbook)) turn.Then(CheckOutTrigger.LogbookDone); }, "ask the logbook")
            .Help(turn => Logbook.AskCurrent(turn.Context, turn.Draft.Logbook, preface: null))
            .OnAnswer(turn => Logbook.Handle(turn.Context, turn.Draft.Logbook) == FormStep.Completed, CheckOutTrigger.LogbookDone)
            .Back(turn => Logbook.Back(turn.Context, turn.Draft.Logbook))
            .Permit(CheckOutTrigger.LogbookDone, CheckOutState.Photos);

        flow.Step(CheckOutState.Photos)
            .Prompt(turn => AskPhotos(turn, preface: null), "ask photos")
            .Help(turn => AskPhotos(turn, turn.T(VisitTexts.PhotoExpected)))
            .OnChoice(PhotoChoice.Done, CheckOutTrigger.PhotosDone)
            .OnPhoto(ReadPhotoAsync, addPhoto)
            .Otherwise(turn => AskPhotos(turn, turn.T(VisitTexts.PhotoExpected)))
            .StaysIf(addPhoto, draft => draft.Photos < MaxPhotos - 1, AddPhoto, "fewer than 5 photos")
            .PermitIf(addPhoto, CheckOutState.Saved, (draft, _) => draft.Photos >= MaxPhotos - 1, "the fifth photo")
            .Permit(CheckOutTrigger.PhotosDone, CheckOutState.Saved);

        flow.Step(CheckOutState.Saved).Ends()
            .OnEntryFrom(CheckOutTrigger.PhotosDone, SaveAsync, "logbook saved")
            .OnEntryFrom(addPhoto, (turn, photo) => { AddPhoto(turn, photo); return SaveAsync(turn); }, "last photo added, logbook saved");

        flow.Step(CheckOutState.NothingOpen).Ends()
            .OnEntryFrom(CheckOutTrigger.FoundNothingOpen, turn => turn.Reply(turn.T(VisitTexts.NoOpenVisit)), "no open check-in");
    }

    /// <summary>"Selesai kunjungan di X sekarang? (mulai 08:00 WITA, 4 jam 30 menit)" with ✅ finish / ❌ keep it open.</summary>
    private static async Task AskToFinishAsync(FlowTurn<CheckOutDraft> turn)
    {
        var visit = await VisitAsync(turn);
        turn.Reply(turn.T(VisitTexts.AskFinish, await BusinessNameAsync(turn), await MentorVisits.LocalTimeAsync(turn.Context, visit, visit.StartedAt),
                IndonesianFormat.Duration(turn.Now - visit.StartedAt, turn.Language)),
            [[turn.Button(VisitTexts.Finish, FinishChoice.Finish), turn.Button(VisitTexts.KeepOpen, FinishChoice.KeepOpen)]]);
    }

    /// <summary>"15:30" or "15.30": the end time on the check-in's local day (the next day if earlier than the start).</summary>
    private static async Task<Read<DateTimeOffset>> ReadEndTimeAsync(FlowTurn<CheckOutDraft> turn, string text)
    {
        var visit = await VisitAsync(turn);
        var calendar = MentorVisits.CalendarOf(await turn.Work.GetAsync<Cohort>(visit.CohortId));
        if (!TimeOnly.TryParseExact(text.Replace('.', ':'), ["H:mm", "HH:mm", "%H"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return Read<DateTimeOffset>.Refuse(turn.T(VisitTexts.BadEndTime));
        var end = calendar.ToUtc(calendar.LocalDate(visit.StartedAt), time);
        if (end <= visit.StartedAt) end = end.AddDays(1);
        return end > turn.Now ? Read<DateTimeOffset>.Refuse(turn.T(VisitTexts.BadEndTime)) : Read<DateTimeOffset>.Ok(end);
    }

    private static async Task CheckOutAsync(FlowTurn<CheckOutDraft> turn, DateTimeOffset endedAt)
    {
        var visit = await VisitAsync(turn);
        var rules = MentorVisits.RulesOf(await turn.Work.GetAsync<Cohort>(visit.CohortId));
        visit.EndedAt = endedAt;
        visit.Status = VisitStatus.Logging;
        visit.Flags = rules.CompletedFlags(visit, checkedOutAt: turn.Now);
        turn.Work.Stage(visit);
        var duration = IndonesianFormat.Duration(endedAt - visit.StartedAt, turn.Language);
        var shortNote = visit.Flags.HasFlag(VisitFlags.Short) ? turn.T(VisitTexts.ShortVisit, rules.MinDuration.TotalHours) : "";
        turn.Reply(turn.T(VisitTexts.CheckedOut, await BusinessNameAsync(turn), duration, shortNote));
    }

    private static async Task<Read<NewPhoto>> ReadPhotoAsync(FlowTurn<CheckOutDraft> turn, string fileId) =>
        Read<NewPhoto>.Ok(new NewPhoto(await VisitAsync(turn), fileId));

    private static void AddPhoto(FlowTurn<CheckOutDraft> turn, NewPhoto photo)
    {
        var visit = photo.Visit;
        if (visit.Photos.Count >= MaxPhotos) return;
        visit.Photos.Add(new VisitPhoto(photo.FileId, null));
        turn.Work.Stage(visit);
        turn.Draft.Photos = visit.Photos.Count;
        if (visit.Photos.Count < MaxPhotos) turn.Reply(turn.T(VisitTexts.PhotoSaved, visit.Photos.Count), [[turn.Button(VisitTexts.PhotosDone, PhotoChoice.Done)]]);
    }

    private async Task SaveAsync(FlowTurn<CheckOutDraft> turn)
    {
        var visit = await VisitAsync(turn);
        var answers = Logbook.Relevant(turn.Draft.Logbook);
        visit.Problem = answers.GetValueOrDefault("problem");
        visit.Mentored = answers.GetValueOrDefault("mentored");
        visit.Result = answers.GetValueOrDefault("result");
        visit.NextStep = answers.GetValueOrDefault("next_step");
        visit.Areas = [.. (answers.GetValueOrDefault("areas") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        visit.Status = VisitStatus.Completed;
        turn.Work.Stage(visit);

        var flags = new List<string>();
        if (visit.Flags.HasFlag(VisitFlags.FarFromProductionHouse)) flags.Add(turn.T(VisitTexts.FlagFar));
        if (visit.Flags.HasFlag(VisitFlags.Short)) flags.Add(turn.T(VisitTexts.FlagShort));
        if (visit.Flags.HasFlag(VisitFlags.Retro)) flags.Add(turn.T(VisitTexts.FlagRetro));
        if (visit.Flags.HasFlag(VisitFlags.ForgottenCheckOut)) flags.Add(turn.T(VisitTexts.FlagForgotten));
        var duration = visit.Duration is { } spent ? IndonesianFormat.Duration(spent, turn.Language) : "";
        turn.Reply(turn.T(VisitTexts.Saved, await BusinessNameAsync(turn), duration, visit.Photos.Count,
            flags.Count > 0 ? turn.T(VisitTexts.FlagsNote, string.Join(", ", flags)) : ""),
            visit.Flags.HasFlag(VisitFlags.Retro) ? null : [[Correction.VisitCorrectionFlow.Button(turn.T(Correction.VisitCorrectionTexts.Correct), visit.Id)]]);
    }

    private static void AskPhotos(FlowTurn<CheckOutDraft> turn, string? preface) =>
        turn.Reply((preface is null ? "" : preface + "\n") + turn.T(VisitTexts.AskPhotos), [[turn.Button(VisitTexts.PhotosDone, PhotoChoice.Done)]]);

    private static async Task<Visit> VisitAsync(FlowTurn<CheckOutDraft> turn) => (await turn.Work.GetAsync<Visit>(turn.Draft.VisitId!))!;

    private static async Task<string> BusinessNameAsync(FlowTurn<CheckOutDraft> turn) =>
        await turn.Work.GetAsync<Visit>(turn.Draft.VisitId ?? "") is { } visit ? await MentorVisits.BusinessNameAsync(turn.Context, visit.BusinessId) : "IKM";
}
