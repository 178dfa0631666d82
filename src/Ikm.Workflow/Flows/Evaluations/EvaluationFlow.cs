using System.Globalization;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Program;
using Ikm.Workflow.Program.Rules;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;
using Stateless;
using Stateless.Reflection;

namespace Ikm.Workflow.Flows.Evaluations;

/// <summary>
/// The monthly evaluation: for an assigned IKM, per area of its mentoring plan, the score now (1–5) and the same three
/// questions for every mentor — problem, what was mentored, result — with the month's logbook shown for context.
/// Stored once per IKM and month with deltas against the diagnosis and the previous month. Owners can give a short
/// self-assessment (scores only) the same month.
/// </summary>
public sealed class EvaluationFlow(IQuestionnaireCatalog catalog, ILogger<EvaluationFlow> log) : IFlow
{
    public const string FlowName = "evaluation";
    private const string Prefix = "ev";
    private const string BusinessKey = "ev.biz";
    private const string AreasKey = "ev.areas";
    private const string IndexKey = "ev.i";
    private const string SelfKey = "ev.self";

    public string Name => FlowName;

    public Task StartAsync(TurnContext context) => StartMentorAsync(context);

    public async Task StartMentorAsync(TurnContext context)
    {
        if (await TryResumeAsync(context)) return;
        Reset(context);
        var assignments = await ProgramDirectory.ActiveAssignmentsOfMentorAsync(context, context.Message.UserId);
        if (assignments.Count == 0)
        {
            context.Conversation.CloseFlow();
            context.Reply(context.T(Visits.VisitTexts.NoIkms));
            return;
        }

        var cohort = await context.Work.GetAsync<Cohort>(assignments[0].CohortId);
        var month = new ProgramCalendar(cohort?.TimeZoneId ?? "Asia/Jakarta").MonthKeyOf(context.Now);
        context.Conversation.Flow = FlowName;
        context.Conversation.State = nameof(EvaluationState.ChoosingIkm);
        context.Reply(context.T(EvaluationTexts.ChooseIkm, month), await ProgramDirectory.IkmButtonsAsync(context, Prefix));
    }

    /// <summary>
    /// An evaluation left half-way (/batal, a menu, a restart) keeps its answers in the conversation: it continues at the
    /// first missing answer of the area it stopped in, if the IKM is still assigned to this mentor.
    /// </summary>
    private async Task<bool> TryResumeAsync(TurnContext context)
    {
        if (IsSelf(context) || BusinessId(context) is var businessId && businessId == Guid.Empty || Areas(context).Count == 0
            || await ProgramDirectory.AssignmentForAsync(context, businessId) is null)
            return false;

        context.Conversation.Flow = FlowName;
        var area = CurrentArea(context);
        var missing = new[] { "score", "problem", "mentored", "result" }.FirstOrDefault(f => Field(context, area, f) is null);
        switch (missing)
        {
            case "score" or null:
                context.Conversation.State = nameof(EvaluationState.Score);
                await AskScoreAsync(context);
                break;
            case "problem":
                context.Conversation.State = nameof(EvaluationState.Problem);
                context.Reply(context.T(EvaluationTexts.AskProblem));
                break;
            case "mentored":
                context.Conversation.State = nameof(EvaluationState.Mentored);
                context.Reply(context.T(EvaluationTexts.AskMentored));
                break;
            default:
                context.Conversation.State = nameof(EvaluationState.Result);
                context.Reply(context.T(EvaluationTexts.AskResult));
                break;
        }

        return true;
    }

    /// <summary>The owner's optional self-assessment: scores for the areas of their own plan.</summary>
    public async Task StartSelfAsync(TurnContext context)
    {
        Reset(context);
        var business = await context.Work.GetBusinessAsync(context.Message.UserId);
        var areas = business is null ? [] : await PlanAreasAsync(context, business);
        if (business is null || areas.Count == 0)
        {
            context.Conversation.CloseFlow();
            context.Reply(context.T(EvaluationTexts.NoPlan));
            return;
        }

        context.Conversation.Flow = FlowName;
        context.Conversation.Data[SelfKey] = "1";
        context.Conversation.Data[BusinessKey] = business.Id.ToString("N");
        context.Conversation.Data[AreasKey] = string.Join(' ', areas);
        context.Conversation.Data[IndexKey] = "0";
        context.Conversation.State = nameof(EvaluationState.Score);
        context.Reply(context.T(EvaluationTexts.SelfIntro, await MonthAsync(context, business.Id)));
        await AskScoreAsync(context);
    }

    public async Task HandleAsync(TurnContext context)
    {
        var machine = Build(context);
        var message = context.Message;
        switch (State(context))
        {
            case EvaluationState.ChoosingIkm:
                await ChooseIkmAsync(context, machine);
                break;
            case EvaluationState.Score:
                var data = message.ButtonData;
                var prefix = $"{Prefix}:score:{CurrentArea(context)}:";
                if (data is null || !data.StartsWith(prefix, StringComparison.Ordinal) || !int.TryParse(data[prefix.Length..], CultureInfo.InvariantCulture, out var score) || score is < 1 or > 5)
                {
                    if (!(message.Kind == IncomingKind.Text && int.TryParse(message.Text?.Trim(), CultureInfo.InvariantCulture, out score) && score is >= 1 and <= 5))
                    {
                        context.Reply(context.T(data is null ? EvaluationTexts.ScoreButtons : CommonTexts.StaleButton));
                        await AskScoreAsync(context);
                        return;
                    }
                }

                SetField(context, "score", score.ToString(CultureInfo.InvariantCulture));
                if (IsSelf(context))
                    await machine.FireAsync(IsLastArea(context) ? EvaluationTrigger.ScoredLastSelf : EvaluationTrigger.ScoredSelf);
                else
                    await machine.FireAsync(EvaluationTrigger.Scored);
                break;
            case EvaluationState.Problem or EvaluationState.Mentored or EvaluationState.Result:
                if (message.Kind != IncomingKind.Text || string.IsNullOrWhiteSpace(message.Text))
                {
                    context.Reply(context.Message.Kind == IncomingKind.Button ? context.T(CommonTexts.StaleButton) : context.T(EvaluationTexts.TextNeeded));
                    return;
                }

                SetField(context, State(context).ToString().ToLowerInvariant(), message.Text.Trim());
                await machine.FireAsync(State(context) != EvaluationState.Result ? EvaluationTrigger.Answered
                    : IsLastArea(context) ? EvaluationTrigger.Completed : EvaluationTrigger.NextArea);
                break;
        }
    }

    public async Task HelpAsync(TurnContext context)
    {
        switch (State(context))
        {
            case EvaluationState.Score:
                await AskScoreAsync(context);
                break;
            case EvaluationState.Problem:
                context.Reply(context.T(EvaluationTexts.AskProblem));
                break;
            case EvaluationState.Mentored:
                context.Reply(context.T(EvaluationTexts.AskMentored));
                break;
            case EvaluationState.Result:
                context.Reply(context.T(EvaluationTexts.AskResult));
                break;
            default:
                await StartMentorAsync(context);
                break;
        }
    }

    public Task<bool> BackAsync(TurnContext context) => Task.FromResult(false);

    public StateMachineInfo Describe() => Build(TurnContextFactory.ForDiagram(nameof(EvaluationState.ChoosingIkm))).GetInfo();

    private StateMachine<EvaluationState, EvaluationTrigger> Build(TurnContext context)
    {
        var machine = new StateMachine<EvaluationState, EvaluationTrigger>(
            () => State(context),
            state => context.Conversation.State = state.ToString());

        machine.Configure(EvaluationState.ChoosingIkm)
            .Permit(EvaluationTrigger.IkmChosen, EvaluationState.Score);

        machine.Configure(EvaluationState.Score)
            .OnEntryFromAsync(EvaluationTrigger.IkmChosen, () => AskScoreAsync(context), "first plan area")
            .OnEntryFromAsync(EvaluationTrigger.NextArea, () => NextAreaAsync(context), "next plan area")
            .Permit(EvaluationTrigger.Scored, EvaluationState.Problem)
            .PermitReentry(EvaluationTrigger.ScoredSelf)
            .OnEntryFromAsync(EvaluationTrigger.ScoredSelf, () => NextAreaAsync(context), "self-assessment: next area")
            .Permit(EvaluationTrigger.ScoredLastSelf, EvaluationState.Done);

        machine.Configure(EvaluationState.Problem)
            .OnEntry(() => context.Reply(context.T(EvaluationTexts.AskProblem)), "ask problem")
            .Permit(EvaluationTrigger.Answered, EvaluationState.Mentored);

        machine.Configure(EvaluationState.Mentored)
            .OnEntry(() => context.Reply(context.T(EvaluationTexts.AskMentored)), "ask mentored")
            .Permit(EvaluationTrigger.Answered, EvaluationState.Result);

        machine.Configure(EvaluationState.Result)
            .OnEntry(() => context.Reply(context.T(EvaluationTexts.AskResult)), "ask result")
            .Permit(EvaluationTrigger.NextArea, EvaluationState.Score)
            .Permit(EvaluationTrigger.Completed, EvaluationState.Done);

        machine.Configure(EvaluationState.Done)
            .OnEntryAsync(() => SaveAsync(context), "store evaluation with deltas");

        return machine;
    }

    private async Task ChooseIkmAsync(TurnContext context, StateMachine<EvaluationState, EvaluationTrigger> machine)
    {
        if (ProgramDirectory.PressedIkm(context, Prefix) is not { } businessId)
        {
            context.Reply(context.T(CommonTexts.StaleButton));
            return;
        }

        if (!await ProgramDirectory.EnsureAssignedAsync(context, businessId, log)) return;

        var business = (await ProgramDirectory.BusinessAsync(context, businessId))!;
        var areas = await PlanAreasAsync(context, business);
        if (areas.Count == 0)
        {
            areas = [.. (await MonthVisitsAsync(context, businessId)).SelectMany(v => v.Areas).Distinct()];
        }

        if (areas.Count == 0)
        {
            context.Conversation.CloseFlow();
            context.Reply(context.T(EvaluationTexts.NoAreas));
            return;
        }

        context.Conversation.Data[BusinessKey] = businessId.ToString("N");
        context.Conversation.Data[AreasKey] = string.Join(' ', areas);
        context.Conversation.Data[IndexKey] = "0";
        await machine.FireAsync(EvaluationTrigger.IkmChosen);
    }

    private async Task NextAreaAsync(TurnContext context)
    {
        context.Conversation.Data[IndexKey] = (Index(context) + 1).ToString(CultureInfo.InvariantCulture);
        await AskScoreAsync(context);
    }

    private async Task AskScoreAsync(TurnContext context)
    {
        var areas = Areas(context);
        var area = CurrentArea(context);
        var businessId = BusinessId(context);
        var (diagnosisScore, previous) = await BaselinesAsync(context, businessId, area);
        var lines = new List<string>
        {
            context.T(EvaluationTexts.AreaHeader, Index(context) + 1, areas.Count, AreaLabel(area, context.Language), Format(diagnosisScore, context), Format(previous, context)),
        };
        if (!IsSelf(context))
        {
            lines.Add(context.T(EvaluationTexts.Logbook));
            var entries = (await MonthVisitsAsync(context, businessId)).Where(v => v.Areas.Contains(area)).ToList();
            if (entries.Count == 0) lines.Add(context.T(EvaluationTexts.NoLogbook));
            var culture = Languages.Culture(context.Language);
            lines.AddRange(entries.Select(v => $"· {v.StartedAt.ToString("d MMM", culture)}: {v.Problem} → {v.Result}"));
        }

        lines.Add(context.T(EvaluationTexts.AskScore));
        context.Reply(string.Join("\n", lines),
            [[.. Enumerable.Range(1, 5).Select(i => new Button(i.ToString(CultureInfo.InvariantCulture), $"{Prefix}:score:{area}:{i}"))]]);
    }

    /// <summary>"production=3 quality=4": the area scores of an evaluation, codes and numbers only.</summary>
    private static string Scores(Evaluation evaluation) =>
        string.Join(" ", evaluation.Areas.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.AreaId}={a.Score}")));

    private async Task SaveAsync(TurnContext context)
    {
        var businessId = BusinessId(context);
        var business = await ProgramDirectory.BusinessAsync(context, businessId);
        var self = IsSelf(context);
        var assignment = self ? null : await ProgramDirectory.AssignmentForAsync(context, businessId);
        var membership = (await context.Work.FindAsync<CohortMembership>("business", businessId.ToString())).FirstOrDefault(m => m.Status == MembershipStatus.Approved);
        var cohortId = assignment?.CohortId ?? membership?.CohortId ?? "";
        var month = await MonthAsync(context, businessId);
        var evaluationId = $"{businessId:N}:{month}:{(self ? "self" : "mentor")}";
        var earlier = await context.Work.GetAsync<Evaluation>(evaluationId);
        var evaluation = new Evaluation
        {
            Id = evaluationId,
            // A month evaluated again replaces the earlier one: written at the version stored, as every write.
            Version = earlier?.Version ?? 0,
            CohortId = cohortId,
            BusinessId = businessId,
            AuthorUserId = context.Message.UserId,
            SelfAssessment = self,
            Month = month,
            CompletedAt = context.Now,
        };
        var lines = new List<string> { context.T(self ? EvaluationTexts.SelfSaved : EvaluationTexts.Saved, self ? month : business?.BusinessName ?? "IKM", month) };
        foreach (var area in Areas(context))
        {
            var score = int.Parse(Field(context, area, "score") ?? "0", CultureInfo.InvariantCulture);
            var (diagnosisScore, previous) = await BaselinesAsync(context, businessId, area);
            evaluation.Areas.Add(new AreaEvaluation
            {
                AreaId = area,
                Score = score,
                Problem = Field(context, area, "problem") ?? "",
                Mentored = Field(context, area, "mentored") ?? "",
                Result = Field(context, area, "result") ?? "",
                DeltaFromDiagnosis = diagnosisScore is { } d ? Math.Round(score - d, 1) : null,
                DeltaFromPreviousMonth = previous is { } p ? score - p : null,
            });
            if (!self)
                lines.Add(context.T(EvaluationTexts.Line, AreaLabel(area, context.Language), score, Delta(diagnosisScore, score, context), Delta(previous, score, context)));
        }

        context.Work.Stage(evaluation);
        // Redoing a month replaces the mentor's scores: an edit of the record coordinators compare mentors by.
        // An owner's self-assessment is theirs alone, and their account id would outlive an erasure.
        if (earlier is not null && !self)
            Audit.AuditTrail.Record(context, Audit.AuditAction.EvaluationEdited, cohortId,
                [Audit.AuditEntry.Target("evaluation", evaluationId), Audit.AuditEntry.Target("business", businessId)],
                "scores", Scores(earlier), Scores(evaluation));
        Reset(context);
        context.Conversation.CloseFlow();
        context.Reply(string.Join("\n", lines));
    }

    /// <summary>The areas of the IKM's mentoring plan, from its latest completed diagnosis.</summary>
    private async Task<List<string>> PlanAreasAsync(TurnContext context, Business business)
    {
        var diagnosis = (await context.Work.GetDiagnosesAsync(business.OwnerUserId)).LastOrDefault(d => d.Status == DiagnosisStatus.Completed);
        if (diagnosis is null) return [];
        var questionnaire = catalog.Find(diagnosis.QuestionnaireId, diagnosis.QuestionnaireVersion) ?? catalog.Diagnosis;
        return [.. DiagnosisScorer.Score(questionnaire, diagnosis.Answers).PlanAreas.Select(a => a.Area.Id)];
    }

    private async Task<(double? Diagnosis, int? PreviousMonth)> BaselinesAsync(TurnContext context, Guid businessId, string area)
    {
        var business = await ProgramDirectory.BusinessAsync(context, businessId);
        var diagnosis = business is null ? null
            : (await context.Work.GetDiagnosesAsync(business.OwnerUserId)).LastOrDefault(d => d.Status == DiagnosisStatus.Completed);
        var month = MonthKey.Parse(await MonthAsync(context, businessId)).Previous().Key;
        var kind = IsSelf(context) ? "self" : "mentor";
        var previous = await context.Work.GetAsync<Evaluation>($"{businessId:N}:{month}:{kind}");
        return (diagnosis?.AreaScores.TryGetValue(area, out var score) == true ? score : null,
            previous?.Areas.FirstOrDefault(a => a.AreaId == area)?.Score);
    }

    private async Task<IReadOnlyList<Visit>> MonthVisitsAsync(TurnContext context, Guid businessId)
    {
        var cohortZone = await ZoneAsync(context, businessId);
        var calendar = new ProgramCalendar(cohortZone);
        var month = calendar.MonthBoundsOf(context.Now);
        return [.. (await context.Work.FindAsync<Visit>("business", businessId.ToString()))
            .Where(v => v.Status == VisitStatus.Completed && month.Contains(v.StartedAt))
            .OrderBy(v => v.StartedAt)];
    }

    private async Task<string> MonthAsync(TurnContext context, Guid businessId) =>
        new ProgramCalendar(await ZoneAsync(context, businessId)).MonthKeyOf(context.Now);

    private static async Task<string> ZoneAsync(TurnContext context, Guid businessId)
    {
        var membership = (await context.Work.FindAsync<CohortMembership>("business", businessId.ToString())).FirstOrDefault(m => m.Status == MembershipStatus.Approved);
        var cohort = membership is null ? null : await context.Work.GetAsync<Cohort>(membership.CohortId);
        return cohort?.TimeZoneId ?? "Asia/Jakarta";
    }

    private string AreaLabel(string area, string language) => catalog.Diagnosis.FindArea(area)?.Label.Get(language) ?? area;

    private static string Format(double? score, TurnContext context) =>
        score is { } s ? s.ToString("0.0", Languages.Culture(context.Language)) : "–";

    private static string Format(int? score, TurnContext context) => score?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static string Delta(double? baseline, int score, TurnContext context) =>
        baseline is { } b ? (score - b).ToString("+0.0;-0.0;0", Languages.Culture(context.Language)) : "–";

    private static string Delta(int? baseline, int score, TurnContext context) =>
        baseline is { } b ? (score - b).ToString("+0;-0;0", CultureInfo.InvariantCulture) : "–";

    private static void SetField(TurnContext context, string field, string value) =>
        context.Conversation.Data[$"ev.a.{CurrentArea(context)}.{field}"] = value;

    private static string? Field(TurnContext context, string area, string field) =>
        context.Conversation.Data.GetValueOrDefault($"ev.a.{area}.{field}");

    private static List<string> Areas(TurnContext context) =>
        [.. (context.Conversation.Data.GetValueOrDefault(AreasKey) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    private static int Index(TurnContext context) =>
        int.TryParse(context.Conversation.Data.GetValueOrDefault(IndexKey), CultureInfo.InvariantCulture, out var i) ? i : 0;

    private static string CurrentArea(TurnContext context) => Areas(context).ElementAtOrDefault(Index(context)) ?? "";

    private static bool IsLastArea(TurnContext context) => Index(context) >= Areas(context).Count - 1;

    private static bool IsSelf(TurnContext context) => context.Conversation.Data.ContainsKey(SelfKey);

    private static Guid BusinessId(TurnContext context) =>
        Guid.TryParseExact(context.Conversation.Data.GetValueOrDefault(BusinessKey), "N", out var id) ? id : Guid.Empty;

    private static EvaluationState State(TurnContext context) =>
        Enum.TryParse<EvaluationState>(context.Conversation.State, out var state) ? state : EvaluationState.ChoosingIkm;

    private static void Reset(TurnContext context)
    {
        foreach (var key in context.Conversation.Data.Keys.Where(k => k.StartsWith("ev.", StringComparison.Ordinal)).ToList())
            context.Conversation.Data.Remove(key);
    }
}
