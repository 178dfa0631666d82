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

    /// <summary>One button per IKM assigned to the mentor ("{prefix}:ikm:{business}"), for check-in, retro visit and evaluation.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<Messaging.Button>>> IkmButtonsAsync(TurnContext context, string prefix)
    {
        var businesses = await context.Work.AllBusinessesAsync();
        return [.. (await ActiveAssignmentsOfMentorAsync(context, context.Message.UserId)).Select(a => (IReadOnlyList<Messaging.Button>)
            [new Messaging.Button(businesses.FirstOrDefault(b => b.Id == a.BusinessId)?.BusinessName ?? "IKM", $"{prefix}:ikm:{a.BusinessId:N}")])];
    }

    /// <summary>The IKM id an "{prefix}:ikm:…" button carries, or null when the message is not such a button.</summary>
    public static Guid? PressedIkm(TurnContext context, string prefix) =>
        context.Message.ButtonData is { } data && data.StartsWith(prefix + ":ikm:", StringComparison.Ordinal)
        && Guid.TryParseExact(data[(prefix.Length + 5)..], "N", out var id) ? id : null;

    /// <summary>
    /// The server-side check behind every IKM button of a mentor: false — refused with a reply and logged (ids only) —
    /// when the business is not assigned to this mentor, e.g. a forged callback.
    /// </summary>
    public static async Task<bool> EnsureAssignedAsync(TurnContext context, Guid businessId, Microsoft.Extensions.Logging.ILogger log)
    {
        if (await AssignmentForAsync(context, businessId) is not null) return true;
        Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(log,
            "Mentor {UserId} pressed a button for business {BusinessId} not assigned to them", context.Message.UserId, businessId);
        context.Reply(context.T(Flows.Visits.VisitTexts.NotYourIkm));
        return false;
    }

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
