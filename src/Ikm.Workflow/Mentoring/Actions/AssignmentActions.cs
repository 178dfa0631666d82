using System.Globalization;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;
using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Mentoring.Actions;

/// <summary>
/// 👥 Penugasan: coordinator picks an admitted IKM, then a mentor. Refuses beyond the cohort's maximum per mentor,
/// warns when the mentor works with another sentra, and ends the previous assignment on reassignment (history kept).
/// </summary>
public sealed class AssignmentActions(SentraLabels sentra, ILogger<AssignmentActions> log) : IActionHandler, IRouteOwner
{
    public const string StartButton = "as:start";
    private static readonly ButtonKind<ButtonKind.Id> CohortButton = ButtonKind.Of("as:c");
    private static readonly ButtonKind<ButtonKind.Id> IkmButton = ButtonKind.Of("as:i");
    private static readonly ButtonKind<MentorChoice> MentorButton = MentorChoice.Kind("as:m");
    private static readonly ButtonKind<MentorChoice> ForceButton = MentorChoice.Kind("as:f");
    private static readonly ButtonKind<ListPage> IkmPageButton = ListPage.Kind("as:ip");
    private static readonly ButtonKind<ListPage> MentorPageButton = ListPage.Kind("as:mp");
    private static readonly ButtonKind<ButtonKind.Id> DontAssignButton = ButtonKind.Of("as:x");

    /// <summary>A mentor chosen for an admitted IKM (its membership).</summary>
    private sealed record MentorChoice(string MembershipId, long MentorUserId)
    {
        public static ButtonKind<MentorChoice> Kind(string prefix) => new(prefix,
            c => [c.MembershipId, c.MentorUserId.ToString(CultureInfo.InvariantCulture)],
            f => f is [var id, var mentor] && long.TryParse(mentor, CultureInfo.InvariantCulture, out var mentorId) ? new MentorChoice(id, mentorId) : null);
    }

    /// <summary>A page of a long list: the IKMs of a cohort, or the mentors offered for a membership.</summary>
    private sealed record ListPage(string Of, int Page)
    {
        public static ButtonKind<ListPage> Kind(string prefix) => new(prefix,
            p => [p.Of, p.Page.ToString(CultureInfo.InvariantCulture)],
            f => f is [var of, var page] && of.Length > 0 && int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? new ListPage(of, number) : null);
    }

    public IReadOnlyList<string> ButtonPrefixes { get; } = ["as:"];

    public IEnumerable<EntryRoute> Routes => [new(MemberRole.Coordinator, HandleAsync) { Commands = ["tugaskan", "assign"], Help = ProgramTexts.AssignHelp }];

    public async Task HandleAsync(TurnContext context)
    {
        if (!ProgramDirectory.IsCoordinator(context))
        {
            log.LogWarning("Assignment action refused for user {UserId}: not a coordinator", context.Message.UserId);
            context.Reply(context.T(ProgramTexts.CoordinatorsOnly));
            return;
        }

        var data = context.Message.ButtonData;
        if (CohortButton.Decode(data) is { } cohort)
            await ListIkmsAsync(context, cohort.Value, page: 0);
        else if (IkmPageButton.Decode(data) is { } ikmPage)
            await ListIkmsAsync(context, ikmPage.Of, ikmPage.Page);
        else if (IkmButton.Decode(data) is { } ikm)
            await ListMentorsAsync(context, ikm.Value, page: 0);
        else if (MentorPageButton.Decode(data) is { } mentorPage)
            await ListMentorsAsync(context, mentorPage.Of, mentorPage.Page);
        else if (MentorButton.Decode(data) is { } chosen)
            await AssignAsync(context, chosen.MembershipId, chosen.MentorUserId, force: false);
        else if (ForceButton.Decode(data) is { } forced)
            await AssignAsync(context, forced.MembershipId, forced.MentorUserId, force: true);
        else if (DontAssignButton.Decode(data) is { } kept)
            await ChooseAnotherMentorAsync(context, kept.Value);
        else
            await StartAsync(context);
    }

    /// <summary>The approved membership a button names, in a cohort the coordinator coordinates; null when refused (answered).</summary>
    private async Task<(CohortMembership Membership, Cohort Cohort)?> CoordinatedMembershipAsync(TurnContext context, string membershipId)
    {
        if (await context.Work.GetAsync<CohortMembership>(membershipId) is not { Status: MembershipStatus.Approved } membership
            || await context.Work.GetAsync<Cohort>(membership.CohortId) is not { } cohort)
        {
            context.Reply(context.T(CommonTexts.StaleButton));
            return null;
        }

        return await ProgramDirectory.EnsureCoordinatesAsync(context, cohort.Id, log) ? (membership, cohort) : null;
    }

    private async Task StartAsync(TurnContext context)
    {
        var cohorts = await ProgramDirectory.CoordinatedCohortsAsync(context);
        switch (cohorts.Count)
        {
            case 0:
                context.Reply(context.T(ProgramTexts.NoCohort));
                return;
            case 1:
                await ListIkmsAsync(context, cohorts[0].Id, page: 0);
                return;
            default:
                context.Reply(context.T(ProgramTexts.ChooseCohort), [.. cohorts.Select(c => (IReadOnlyList<Button>)[new Button(c.Name, CohortButton.Encode(new(c.Id)))])]);
                return;
        }
    }

    private async Task ListIkmsAsync(TurnContext context, string cohortId, int page)
    {
        if (!await ProgramDirectory.EnsureCoordinatesAsync(context, cohortId, log)) return;
        var members = (await context.Work.FindAsync<CohortMembership>(DocumentIndex.Cohort(cohortId))).Where(m => m.Status == MembershipStatus.Approved).ToList();
        if (members.Count == 0)
        {
            context.Reply(context.T(ProgramTexts.NoIkms));
            return;
        }

        var businesses = (await context.Work.AllBusinessesAsync()).ToDictionary(b => b.Id);
        var assignments = await context.Work.FindAsync<Assignment>(DocumentIndex.Cohort(cohortId));
        var choices = new List<(string Label, string MembershipId)>();
        foreach (var membership in members)
        {
            var name = businesses.GetValueOrDefault(membership.BusinessId)?.BusinessName ?? "IKM";
            var current = assignments.FirstOrDefault(a => a.IsActive && a.BusinessId == membership.BusinessId);
            var mentor = current is null ? "—" : "— " + await ProgramDirectory.StaffNameAsync(context, cohortId, current.MentorUserId);
            choices.Add(($"{name} {mentor}", membership.Id));
        }

        // In the order of their names, the same on every page whatever order the store returns them in.
        var rows = choices.OrderBy(c => c.Label, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.MembershipId, StringComparer.Ordinal)
            .Select(c => (IReadOnlyList<Button>)[new Button(c.Label, IkmButton.Encode(new(c.MembershipId)))]).ToList();
        PagedReply.Send(context, context.T(ProgramTexts.ChooseIkm), rows, page, number => IkmPageButton.Encode(new(cohortId, number)));
    }

    private async Task ListMentorsAsync(TurnContext context, string membershipId, int page)
    {
        if (await CoordinatedMembershipAsync(context, membershipId) is not var (membership, cohort)) return;

        var mentors = (await context.Work.FindAsync<CohortStaff>(DocumentIndex.Cohort(cohort.Id))).Where(s => s.Role == MemberRole.Mentor).ToList();
        if (mentors.Count == 0)
        {
            context.Reply(context.T(ProgramTexts.NoMentors));
            return;
        }

        var assignments = await context.Work.FindAsync<Assignment>(DocumentIndex.Cohort(cohort.Id));
        var business = await ProgramDirectory.BusinessAsync(context, membership.BusinessId);
        var rows = mentors.OrderBy(m => m.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.UserId).Select(m =>
        {
            var load = assignments.Count(a => a.IsActive && a.MentorUserId == m.UserId);
            return (IReadOnlyList<Button>)[new Button($"{m.DisplayName} ({load}/{cohort.Rules.MaxIkmsPerMentor})", MentorButton.Encode(new(membership.Id, m.UserId)))];
        }).ToList();
        // The card first: the coordinator may want to look at the IKM before choosing (on the first page of a long list).
        rows.Insert(0, [Cards.IkmCardActions.Button(context.T(Cards.IkmCardTexts.OpenThis), membership.BusinessId)]);
        PagedReply.Send(context, context.T(ProgramTexts.ChooseMentor, ProgramDirectory.BusinessLabel(business, sentra, context.Language)), rows, page,
            number => MentorPageButton.Encode(new(membership.Id, number)));
    }

    /// <summary>"Batal" on the sentra warning: nothing is assigned, and the mentors are offered again.</summary>
    private async Task ChooseAnotherMentorAsync(TurnContext context, string membershipId)
    {
        context.PrefaceNextReply(context.T(ProgramTexts.NotAssigned));
        await ListMentorsAsync(context, membershipId, page: 0);
        context.FlushPreface();
    }

    private async Task AssignAsync(TurnContext context, string membershipId, long mentorUserId, bool force)
    {
        if (await CoordinatedMembershipAsync(context, membershipId) is not var (membership, cohort)) return;
        if (await context.Work.GetAsync<CohortStaff>(CohortStaff.IdFor(cohort.Id, mentorUserId)) is not { Role: MemberRole.Mentor } staff)
        {
            context.Reply(context.T(CommonTexts.StaleButton));
            return;
        }

        var business = await ProgramDirectory.BusinessAsync(context, membership.BusinessId);
        var assignments = await context.Work.FindAsync<Assignment>(DocumentIndex.Cohort(cohort.Id));
        var current = assignments.FirstOrDefault(a => a.IsActive && a.BusinessId == membership.BusinessId);
        if (current?.MentorUserId == mentorUserId)
        {
            context.Reply(context.T(ProgramTexts.Assigned, business?.BusinessName ?? "IKM", staff.DisplayName));
            return;
        }

        var load = assignments.Where(a => a.IsActive && a.MentorUserId == mentorUserId).ToList();
        if (load.Count >= cohort.Rules.MaxIkmsPerMentor)
        {
            context.Reply(context.T(ProgramTexts.OverCapacity, staff.DisplayName, load.Count, cohort.Rules.MaxIkmsPerMentor));
            return;
        }

        if (!force && business is not null)
        {
            var businesses = await context.Work.AllBusinessesAsync();
            var mentored = load.Select(a => businesses.FirstOrDefault(b => b.Id == a.BusinessId)?.Commodity).OfType<string>()
                .DistinctBy(c => sentra.Of(c, Languages.Indonesian).ToLowerInvariant()).ToList();
            if (mentored.Count > 0 && !mentored.Any(c => sentra.Same(c, business.Commodity)))
            {
                context.Reply(context.T(ProgramTexts.CommodityDiffers, staff.DisplayName, string.Join(", ", mentored.Select(c => sentra.Of(c, context.Language))),
                        business.BusinessName ?? "IKM", sentra.Of(business.Commodity, context.Language)),
                    [[new Button(context.T(ProgramTexts.AssignAnyway), ForceButton.Encode(new(membership.Id, mentorUserId))),
                        new Button(context.T(ProgramTexts.DontAssign), DontAssignButton.Encode(new(membership.Id)))]]);
                return;
            }
        }

        if (current is not null)
        {
            current.EndedAt = context.Now;
            context.Work.Stage(current);
        }

        // The mentor's staff record stands for their capacity: writing it (version-checked) makes two assignments
        // racing for the mentor's last slot in one batch conflict, and the later one is redone and refused above.
        context.Work.Stage(staff);

        var assignment = new Assignment
        {
            Id = ProgramIds.NewId(),
            CohortId = cohort.Id,
            BusinessId = membership.BusinessId,
            MentorUserId = mentorUserId,
            AssignedBy = context.Message.UserId,
            AssignedAt = context.Now,
        };
        context.Work.Stage(assignment);
        // A reassignment is one record: the mentor before and after.
        AuditTrail.Record(context, AuditAction.Assigned, cohort.Id,
            [AuditEntry.Target("assignment", assignment.Id), AuditEntry.Target("business", assignment.BusinessId), AuditEntry.Target("user", mentorUserId)],
            "mentor", current?.MentorUserId.ToString(CultureInfo.InvariantCulture), mentorUserId.ToString(CultureInfo.InvariantCulture));
        var label = business?.BusinessName ?? "IKM";
        if (current is null)
            context.Reply(context.T(ProgramTexts.Assigned, label, staff.DisplayName));
        else
            context.Reply(context.T(ProgramTexts.Reassigned, label, await ProgramDirectory.StaffNameAsync(context, cohort.Id, current.MentorUserId), staff.DisplayName));
        var mentorLanguage = await context.Work.LanguageOfAsync(mentorUserId);
        context.SendTo(mentorUserId, ProgramTexts.MentorAssigned.In(mentorLanguage, label, sentra.Of(business?.Commodity, mentorLanguage), business?.Kecamatan ?? ""),
            [[Cards.IkmCardActions.Button(Cards.IkmCardTexts.OpenThis.In(mentorLanguage), membership.BusinessId)]]);
        await AssignmentNotices.TellAsync(context, business, staff, current);
    }
}
