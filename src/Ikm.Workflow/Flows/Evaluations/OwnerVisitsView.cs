using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Parsing;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Texts;
using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Flows.Evaluations;

/// <summary>"Kunjungan" for an owner: their own visits (date, mentor, hours, result), the plan areas and the latest evaluation.</summary>
public sealed class OwnerVisitsView(IQuestionnaireCatalog catalog) : IRouteOwner
{
    public IEnumerable<EntryRoute> Routes => [new(Members.MemberRole.Owner, ShowAsync) { Buttons = [MenuPresenter.VisitsButton] }];

    public static readonly Text Title = new("🗓 Kunjungan pendamping ke usaha Anda:", "🗓 Mentor visits to your business:");
    public static readonly Text None = new("Belum ada kunjungan pendamping yang tercatat.", "No mentor visit has been recorded yet.");
    public static readonly Text Line = new("• {0} — {1}, {2}: {3}", "• {0} — {1}, {2}: {3}");
    public static readonly Text LatestEvaluation = new("📊 Evaluasi terakhir ({0}):", "📊 Latest evaluation ({0}):");
    public static readonly Text EvaluationLine = new("• {0}: {1}/5", "• {0}: {1}/5");
    public static readonly Text NotRegistered = new("Daftarkan usaha Anda dulu lewat 👤 Profil usaha.", "Register your business first with 👤 Business profile.");

    public async Task ShowAsync(TurnContext context)
    {
        var business = await context.Work.GetBusinessAsync(context.Message.UserId);
        if (business is null)
        {
            context.Reply(context.T(NotRegistered));
            return;
        }

        // Only this owner's own business is ever read: the id comes from their user id, never from a button.
        var visits = (await context.Work.FindAsync<Visit>(DocumentIndex.Business(business.Id)))
            .Where(v => v.Status == VisitStatus.Completed).OrderByDescending(v => v.StartedAt).Take(10).ToList();
        var lines = new List<string> { context.T(Title) };
        if (visits.Count == 0) lines.Add(context.T(None));
        foreach (var visit in visits)
        {
            var mentor = await ProgramDirectory.StaffNameAsync(context, visit.CohortId, visit.MentorUserId);
            var hours = visit.Duration is { } spent ? IndonesianFormat.Duration(spent, context.Language) : "";
            var day = ProgramCalendar.For(await context.Work.GetAsync<Cohort>(visit.CohortId)).LocalDate(visit.StartedAt);
            lines.Add(context.T(Line, IndonesianFormat.ShortDate(day, context.Language), mentor, hours, visit.Result ?? ""));
        }

        var evaluation = (await context.Work.FindAsync<Evaluation>(DocumentIndex.Business(business.Id)))
            .Where(e => !e.SelfAssessment).OrderByDescending(e => e.Month).FirstOrDefault();
        if (evaluation is not null)
        {
            lines.Add("");
            lines.Add(context.T(LatestEvaluation, IndonesianFormat.Month(evaluation.Month, context.Language)));
            lines.AddRange(evaluation.Areas.Select(a => context.T(EvaluationLine, catalog.Diagnosis.FindArea(a.AreaId)?.Label.Get(context.Language) ?? a.AreaId, a.Score)));
        }

        context.Reply(string.Join("\n", lines));
    }
}
