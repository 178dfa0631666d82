using System.Globalization;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Visits;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;
using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Flows.Evaluations;

/// <summary>What an evaluation is measured against: the plan's areas, the diagnosis and last month's scores, the month's logbook.</summary>
public static class EvaluationFigures
{
    /// <summary>The areas of the IKM's mentoring plan, from its latest completed diagnosis.</summary>
    public static async Task<List<string>> PlanAreasAsync(TurnContext context, IQuestionnaireCatalog catalog, Business business)
    {
        if (await LatestDiagnosisAsync(context, business) is not { } diagnosis) return [];
        var questionnaire = catalog.Find(diagnosis.QuestionnaireId, diagnosis.QuestionnaireVersion) ?? catalog.Diagnosis;
        return [.. DiagnosisScorer.Score(questionnaire, diagnosis.Answers).PlanAreas.Select(a => a.Area.Area.Id)];
    }

    /// <summary>The IKM's diagnosis scores and this author kind's evaluation of last month, for every area at once.</summary>
    public static async Task<EvaluationBaselines> BaselinesAsync(TurnContext context, Guid businessId, string month, bool self)
    {
        var business = await ProgramDirectory.BusinessAsync(context, businessId);
        var diagnosis = business is null ? null : await LatestDiagnosisAsync(context, business);
        var previousMonth = MonthKey.Parse(month).Previous().Key;
        var previous = await context.Work.GetAsync<Evaluation>(EvaluationId(businessId, previousMonth, self));
        return new EvaluationBaselines(diagnosis?.AreaScores ?? [], previous);
    }

    /// <summary>One evaluation per IKM, month and author kind: evaluating a month again replaces it.</summary>
    public static string EvaluationId(Guid businessId, string month, bool self) => $"{businessId:N}:{month}:{(self ? "self" : "mentor")}";

    /// <summary>The month's completed visits to the IKM, oldest first.</summary>
    public static async Task<IReadOnlyList<Visit>> MonthVisitsAsync(TurnContext context, Guid businessId, string month)
    {
        var bounds = (await CalendarAsync(context, businessId)).MonthBounds(MonthKey.Parse(month));
        return [.. (await context.Work.FindAsync<Visit>(DocumentIndex.Business(businessId)))
            .Where(v => v.Status == VisitStatus.Completed && bounds.Contains(v.StartedAt))
            .OrderBy(v => v.StartedAt)];
    }

    /// <summary>"2026-12": this month, in the IKM's cohort time zone (an owner's self-assessment is always of this month).</summary>
    public static async Task<string> MonthAsync(TurnContext context, Guid businessId) =>
        (await CalendarAsync(context, businessId)).MonthKeyOf(context.Now);

    /// <summary>
    /// The month a mentor evaluates the IKM for now: last month while its evaluation is still missing and its prompt
    /// still stands (the reminders of the first days of a month are about last month), else this month.
    /// </summary>
    public static async Task<string> MonthToEvaluateAsync(TurnContext context, Assignment assignment)
    {
        var cohort = await context.Work.GetAsync<Cohort>(assignment.CohortId);
        var lastMonth = MentorVisits.CalendarOf(cohort).MonthOf(context.Now).Previous();
        var lastMonthEvaluated = await context.Work.GetAsync<Evaluation>(EvaluationId(assignment.BusinessId, lastMonth.Key, self: false)) is not null;
        return (cohort is null ? MentorVisits.CalendarOf(null).MonthOf(context.Now)
            : NotificationSchedule.MonthToEvaluate(cohort, assignment.AssignedAt, lastMonthEvaluated, context.Now)).Key;
    }

    /// <summary>
    /// The month's logbook of one area as the evaluation's notes, by the logbook's own question ids (problem, mentored,
    /// result): each visit's text joined with "; ", capped at what a typed answer may hold.
    /// </summary>
    public static IReadOnlyDictionary<string, string> LogbookNotes(IEnumerable<Visit> monthVisits, string area)
    {
        var visits = monthVisits.Where(v => v.Areas.Contains(area)).ToList();
        string Joined(Func<Visit, string?> field) =>
            Cap(string.Join("; ", visits.Select(field).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim())));
        return new Dictionary<string, string>
        {
            ["problem"] = Joined(v => v.Problem),
            ["mentored"] = Joined(v => v.Mentored),
            ["result"] = Joined(v => v.Result),
        };
    }

    private static string Cap(string text) =>
        text.Length <= QuestionAnswer.MaxTextLength ? text : text[..(QuestionAnswer.MaxTextLength - 1)].TrimEnd() + "…";

    /// <summary>The cohort the IKM was admitted to, if any.</summary>
    public static async Task<CohortMembership?> MembershipAsync(TurnContext context, Guid businessId) =>
        (await context.Work.FindAsync<CohortMembership>(DocumentIndex.Business(businessId))).FirstOrDefault(m => m.Status == MembershipStatus.Approved);

    /// <summary>"production=3 quality=4": the area scores of an evaluation, codes and numbers only (for the audit trail).</summary>
    public static string Scores(Evaluation evaluation) =>
        string.Join(" ", evaluation.Areas.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.AreaId}={a.Score}")));

    public static string Format(double? score, string language) =>
        score is { } s ? s.ToString("0.0", Languages.Culture(language)) : "–";

    public static string Format(int? score) => score?.ToString(CultureInfo.InvariantCulture) ?? "–";

    public static string Delta(double? baseline, int score, string language) =>
        baseline is { } b ? (score - b).ToString("+0.0;-0.0;0", Languages.Culture(language)) : "–";

    public static string Delta(int? baseline, int score) =>
        baseline is { } b ? (score - b).ToString("+0;-0;0", CultureInfo.InvariantCulture) : "–";

    private static async Task<ProgramCalendar> CalendarAsync(TurnContext context, Guid businessId) =>
        MentorVisits.CalendarOf(await MembershipAsync(context, businessId) is { } membership ? await context.Work.GetAsync<Cohort>(membership.CohortId) : null);

    private static async Task<DiagnosisResponse?> LatestDiagnosisAsync(TurnContext context, Business business) =>
        (await context.Work.GetDiagnosesAsync(business.OwnerUserId)).LastOrDefault(d => d.Status == DiagnosisStatus.Completed);
}
