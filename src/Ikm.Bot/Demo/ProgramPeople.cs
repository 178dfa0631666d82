namespace Ikm.Bot.Demo;

/// <summary>The scripted users of a replay, by role.</summary>
public sealed record ProgramPeople(DemoUser Coordinator, IReadOnlyList<DemoUser> Mentors, IReadOnlyList<DemoUser> Owners)
{
    public IEnumerable<DemoUser> Everyone => [Coordinator, .. Mentors, .. Owners];

    public static ProgramPeople Cast(DemoStage stage, DemoCast cast)
    {
        ArgumentNullException.ThrowIfNull(cast);
        return new ProgramPeople(
            new DemoUser(stage, DemoCast.CoordinatorId, DemoCast.CoordinatorName, Roles.Coordinator),
            [.. cast.Sentra.Select((s, i) => new DemoUser(stage, DemoCast.MentorId(i), s.MentorName, Roles.Mentor))],
            [.. cast.Owners.Select(o => new DemoUser(stage, o.UserId, o.Name, Roles.Owner))]);
    }

    public static class Roles
    {
        public const string Coordinator = "koordinator";
        public const string Mentor = "pendamping";
        public const string Owner = "pemilik";
    }
}
