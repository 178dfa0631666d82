using System.Globalization;
using Humanizer;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Program;
using Ikm.Workflow.Program.Rules;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;

namespace Ikm.Workflow.Flows.Visits;

/// <summary>The mentor menu's buttons: 🏭 IKM saya, 📍 Check-in, ✅ Check-out, 📝 Kunjungan susulan.</summary>
public sealed class VisitActions(CheckIn.CheckInFlow checkIn, CheckOut.CheckOutFlow checkOut, Retro.RetroVisitFlow retro, Evaluations.EvaluationFlow evaluation, ILogger<VisitActions> log) : IActionHandler
{
    public const string CheckOutButton = "vs:out";
    public const string MyIkmsButton = "vs:mine";

    public IReadOnlyList<string> ButtonPrefixes { get; } = ["vs:"];

    public IReadOnlyList<string> Commands { get; } = ["ikmsaya", "checkin", "checkout", "susulan", "evaluasi"];

    public async Task HandleAsync(TurnContext context)
    {
        if (!ProgramDirectory.IsMentor(context))
        {
            log.LogWarning("Mentor action refused for user {UserId}: not a mentor", context.Message.UserId);
            context.Reply(context.T(ProgramTexts.MentorsOnly));
            return;
        }

        var action = context.Message.ButtonData ?? "vs:" + context.Message.Command switch
        {
            "checkin" => "in",
            "checkout" => "out",
            "susulan" => "retro",
            "evaluasi" => "eval",
            _ => "mine",
        };
        switch (action)
        {
            case "vs:in":
                await checkIn.StartAsync(context);
                break;
            case CheckOutButton:
                await checkOut.StartAsync(context);
                break;
            case "vs:retro":
                await retro.StartAsync(context);
                break;
            case "vs:eval":
                await evaluation.StartAsync(context);
                break;
            case MyIkmsButton:
                await ListAsync(context);
                break;
            default:
                context.Reply(context.T(CommonTexts.StaleButton));
                break;
        }
    }

    /// <summary>"IKM saya": each assigned IKM with its last visit humanized and this week's status.</summary>
    private static async Task ListAsync(TurnContext context)
    {
        var assignments = await ProgramDirectory.ActiveAssignmentsOfMentorAsync(context, context.Message.UserId);
        if (assignments.Count == 0)
        {
            context.Reply(context.T(VisitTexts.NoIkms));
            return;
        }

        var culture = Languages.Culture(context.Language);
        var visits = await context.Work.FindAsync<Visit>("mentor", context.Message.UserId.ToString(CultureInfo.InvariantCulture));
        var businesses = await context.Work.AllBusinessesAsync();
        var lines = new List<string> { context.T(VisitTexts.MyIkmsTitle) };
        foreach (var assignment in assignments)
        {
            var cohort = await context.Work.GetAsync<Cohort>(assignment.CohortId);
            var calendar = new ProgramCalendar(cohort?.TimeZoneId ?? "Asia/Jakarta");
            var week = calendar.WeekBoundsOf(context.Now);
            var done = visits.Where(v => v.BusinessId == assignment.BusinessId && v.Status == VisitStatus.Completed).ToList();
            var last = done.MaxBy(v => v.StartedAt);
            var thisWeek = done.Count(v => v.StartedAt >= week.Start && v.StartedAt < week.End);
            var business = businesses.FirstOrDefault(b => b.Id == assignment.BusinessId);
            var lastText = last is null
                ? context.T(VisitTexts.NeverVisited)
                : context.T(VisitTexts.LastVisit, last.StartedAt.Humanize(dateToCompareAgainst: context.Now, culture: culture));
            var weekText = thisWeek > 0 ? context.T(VisitTexts.VisitedThisWeek, thisWeek) : context.T(VisitTexts.NotThisWeek);
            lines.Add($"• {ProgramDirectory.BusinessLabel(business)} — {lastText}; {weekText}");
        }

        context.Reply(string.Join("\n", lines));
    }
}
