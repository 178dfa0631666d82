using System.Globalization;
using Humanizer;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Texts;
using Ikm.Workflow.Members;
using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Flows.Visits;

/// <summary>"🏭 IKM saya" for a mentor: each assigned IKM with its last visit humanized and this week's status.</summary>
public sealed class MentorIkmsView(Businesses.SentraLabels sentra) : IRouteOwner
{
    /// <summary>"vs:mine": the menu's button before it was a menu button; still in chats.</summary>
    public IEnumerable<EntryRoute> Routes => [new(MemberRole.Mentor, ListAsync) { Buttons = [MenuPresenter.MyIkmsButton, "vs:mine"], Commands = ["ikmsaya"], Help = VisitTexts.MyIkmsHelp }];

    private async Task ListAsync(TurnContext context)
    {
        var assignments = await ProgramDirectory.ActiveAssignmentsOfMentorAsync(context, context.Message.UserId);
        if (assignments.Count == 0)
        {
            context.Reply(context.T(VisitTexts.NoIkms));
            return;
        }

        var culture = Languages.Culture(context.Language);
        var visits = await context.Work.FindAsync<Visit>(DocumentIndex.Mentor(context.Message.UserId));
        var businesses = await context.Work.AllBusinessesAsync();
        var lines = new List<string> { context.T(VisitTexts.MyIkmsTitle) };
        var cards = new List<IReadOnlyList<Messaging.Button>>();
        foreach (var assignment in assignments.ByBusinessName(a => businesses.FirstOrDefault(b => b.Id == a.BusinessId)?.BusinessName, a => a.BusinessId))
        {
            var cohort = await context.Work.GetAsync<Cohort>(assignment.CohortId);
            var week = ProgramCalendar.For(cohort).WeekBoundsOf(context.Now);
            var rules = VisitRules.For(cohort);
            var done = visits.Where(v => v.BusinessId == assignment.BusinessId && v.Status == VisitStatus.Completed).ToList();
            var last = done.MaxBy(v => v.StartedAt);
            var thisWeek = done.Where(v => week.Contains(v.StartedAt)).ToList();
            var business = businesses.FirstOrDefault(b => b.Id == assignment.BusinessId);
            var lastText = last is null
                ? context.T(VisitTexts.NeverVisited)
                : context.T(VisitTexts.LastVisit, last.StartedAt.Humanize(dateToCompareAgainst: context.Now, culture: culture));
            var weekText = WeekText(context, rules, thisWeek);
            lines.Add($"• {ProgramDirectory.BusinessLabel(business, sentra, context.Language)} — {lastText}; {weekText}");
            cards.Add([Mentoring.Cards.IkmCardActions.Button(context.T(Mentoring.Cards.IkmCardTexts.Open, business?.BusinessName ?? "IKM"), assignment.BusinessId)]);
        }

        context.Reply(string.Join("\n", lines), cards);
    }

    /// <summary>
    /// "✅ minggu ini 1×" only for visits that meet the rule; short visits and retro ("susulan") visits are named apart,
    /// so a 0-minute visit never reads as the week done.
    /// </summary>
    private static string WeekText(TurnContext context, VisitRules rules, IReadOnlyList<Visit> thisWeek)
    {
        var meeting = thisWeek.Count(rules.MeetsRule);
        var retro = thisWeek.Count(v => v.Flags.HasFlag(VisitFlags.Retro));
        var shortVisits = thisWeek.Count(v => !v.Flags.HasFlag(VisitFlags.Retro) && !rules.MeetsRule(v));
        var parts = new List<string>
        {
            meeting > 0 ? context.T(VisitTexts.VisitedThisWeek, meeting)
            : thisWeek.Count > 0 ? context.T(VisitTexts.RuleNotMetThisWeek)
            : context.T(VisitTexts.NotThisWeek),
        };
        if (shortVisits > 0) parts.Add(context.T(VisitTexts.ShortThisWeek, shortVisits, rules.MinDuration.TotalHours));
        if (retro > 0) parts.Add(context.T(VisitTexts.RetroThisWeek, retro));
        return string.Join(", ", parts);
    }
}
