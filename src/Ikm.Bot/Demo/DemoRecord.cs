using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;

namespace Ikm.Bot.Demo;

/// <summary>What a replay leaves: who was in it, what they did, what the bot delivered, and the visits as stored.</summary>
public sealed record DemoRecord(
    DemoOptions Options,
    DemoCast Cast,
    ProgramCalendar Calendar,
    IReadOnlyList<PlannedVisit> Plan,
    IReadOnlyList<UserAction> Actions,
    IReadOnlyList<DeliveredMessage> Delivered,
    IReadOnlyList<Visit> Visits,
    DateTimeOffset EndedAt)
{
    /// <summary>The person's role and name for the transcript ("pendamping Rina Marlina").</summary>
    public (string Role, string Name) Who(long userId)
    {
        if (userId == DemoCast.CoordinatorId) return (ProgramPeople.Roles.Coordinator, DemoCast.CoordinatorName);
        for (var m = 0; m < Cast.Sentra.Count; m++)
        {
            if (DemoCast.MentorId(m) == userId) return (ProgramPeople.Roles.Mentor, Cast.Sentra[m].MentorName);
        }

        return Cast.Owners.FirstOrDefault(o => o.UserId == userId) is { } owner
            ? (ProgramPeople.Roles.Owner, $"{owner.Name} ({owner.BusinessName})")
            : ("?", userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Messages whose outbox id starts with one of the schedule's kinds ("reminder:", "alert-visit:"…).</summary>
    public IEnumerable<DeliveredMessage> Notices(string kind) =>
        Delivered.Where(m => m.OutboxId.StartsWith(kind + ":", StringComparison.Ordinal));
}
