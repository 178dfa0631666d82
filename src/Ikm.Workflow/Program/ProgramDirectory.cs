using System.Globalization;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;

namespace Ikm.Workflow.Program;

/// <summary>Lookups shared by the program's handlers, all through the turn's <see cref="ChatWork"/> (staged writes included).</summary>
public static class ProgramDirectory
{
    public static bool IsCoordinator(TurnContext context) =>
        context.Member?.Role == MemberRole.Coordinator || context.Options.CoordinatorIds.Contains(context.Message.UserId);

    public static bool IsMentor(TurnContext context) => context.Member?.Role == MemberRole.Mentor;

    public static async Task<IReadOnlyList<Cohort>> CohortsAsync(TurnContext context) =>
        [.. (await context.Work.AllAsync<Cohort>()).OrderBy(c => c.CreatedAt)];

    public static async Task<IReadOnlyList<Assignment>> ActiveAssignmentsOfMentorAsync(TurnContext context, long mentorUserId) =>
        [.. (await context.Work.FindAsync<Assignment>("mentor", mentorUserId.ToString(CultureInfo.InvariantCulture))).Where(a => a.IsActive)];

    /// <summary>The mentor's active assignment for a business, or null: the server-side check behind every mentor action.</summary>
    public static async Task<Assignment?> AssignmentForAsync(TurnContext context, Guid businessId) =>
        (await ActiveAssignmentsOfMentorAsync(context, context.Message.UserId)).FirstOrDefault(a => a.BusinessId == businessId);

    public static async Task<Business?> BusinessAsync(TurnContext context, Guid businessId) =>
        (await context.Work.AllBusinessesAsync()).FirstOrDefault(b => b.Id == businessId);

    public static string BusinessLabel(Business? business) =>
        business is null ? "?" : $"{business.BusinessName ?? "IKM"} ({business.Commodity}, {business.Kecamatan})";

    public static async Task<string> StaffNameAsync(TurnContext context, string cohortId, long userId) =>
        (await context.Work.GetAsync<CohortStaff>(CohortStaff.IdFor(cohortId, userId)))?.DisplayName
        ?? userId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Chats to tell about program events: configured coordinators and every coordinator who joined by invite.</summary>
    public static async Task<IReadOnlyList<long>> CoordinatorChatsAsync(TurnContext context)
    {
        var ids = new HashSet<long>(context.Options.CoordinatorIds);
        foreach (var staff in await context.Work.AllAsync<CohortStaff>())
        {
            if (staff.Role == MemberRole.Coordinator) ids.Add(staff.UserId);
        }

        return [.. ids.Order()];
    }
}
