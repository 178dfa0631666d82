using System.Globalization;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;
using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Mentoring;

/// <summary>Lookups shared by the program's handlers, all through the turn's <see cref="ChatWork"/> (staged writes included).</summary>
public static class ProgramDirectory
{
    /// <summary>May use the coordinator's commands at all; which cohorts they act on is <see cref="CanCoordinateAsync"/>.</summary>
    public static bool IsCoordinator(TurnContext context) =>
        context.Member?.Role == MemberRole.Coordinator || IsAdministrator(context);

    /// <summary>An id in Bot__Coordinators: a program-wide administrator, coordinator of every cohort.</summary>
    public static bool IsAdministrator(TurnContext context) => context.Options.CoordinatorIds.Contains(context.Message.UserId);

    public static bool IsMentor(TurnContext context) => context.Member?.Role == MemberRole.Mentor;

    /// <summary>
    /// The cohorts the user coordinates, oldest first: every cohort for an administrator, otherwise those whose staff
    /// lists the user as coordinator (by invite, or as the cohort's creator).
    /// </summary>
    public static async Task<IReadOnlyList<Cohort>> CoordinatedCohortsAsync(TurnContext context)
    {
        var cohorts = (await context.Work.AllAsync<Cohort>()).OrderBy(c => c.CreatedAt);
        if (IsAdministrator(context)) return [.. cohorts];
        var staffed = (await context.Work.FindAsync<CohortStaff>(DocumentIndex.User(context.Message.UserId)))
            .Where(s => s.Role == MemberRole.Coordinator).Select(s => s.CohortId).ToHashSet(StringComparer.Ordinal);
        return [.. cohorts.Where(c => staffed.Contains(c.Id))];
    }

    /// <summary>The one rule of a coordinator's rights: an administrator coordinates every cohort, anyone else the cohorts they are staff coordinator of.</summary>
    public static async Task<bool> CanCoordinateAsync(TurnContext context, string cohortId) =>
        IsAdministrator(context)
            ? await context.Work.GetAsync<Cohort>(cohortId) is not null
            : await context.Work.GetAsync<CohortStaff>(CohortStaff.IdFor(cohortId, context.Message.UserId)) is { Role: MemberRole.Coordinator };

    /// <summary>
    /// The server-side check behind every coordinator action on a cohort (named by a button, or derived from an IKM,
    /// invite or membership id): false — answered as a stale button and logged with ids only — when the user does
    /// not coordinate it, e.g. a forged callback for another cohort.
    /// </summary>
    public static async Task<bool> EnsureCoordinatesAsync(TurnContext context, string cohortId, Microsoft.Extensions.Logging.ILogger log)
    {
        if (await CheckCoordinatesAsync(context, cohortId, log)) return true;
        context.Reply(context.T(Texts.CommonTexts.StaleButton));
        return false;
    }

    /// <summary>The check of <see cref="EnsureCoordinatesAsync"/>, logged and audited the same way, leaving the reply to the caller (a flow step's reader refuses with it).</summary>
    public static async Task<bool> CheckCoordinatesAsync(TurnContext context, string cohortId, Microsoft.Extensions.Logging.ILogger log)
    {
        if (await CanCoordinateAsync(context, cohortId)) return true;
        Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(log,
            "User {UserId} refused an action on cohort {CohortId}: not a cohort they coordinate", context.Message.UserId, LoggableId(cohortId));
        // On the cohort's own trail when it exists, so its coordinators see the attempt; otherwise program-wide.
        var known = await context.Work.GetAsync<Cohort>(cohortId) is not null;
        Audit.AuditTrail.Record(context, Audit.AuditAction.AccessRefused, known ? cohortId : "", known ? [Audit.AuditEntry.Target("cohort", cohortId)] : []);
        return false;
    }

    /// <summary>An id taken from button data as it may be logged: ours are short hex, anything else is the user's text and is not repeated.</summary>
    private static string LoggableId(string id) =>
        id.Length is > 0 and <= 64 && id.All(char.IsAsciiHexDigitLower) ? id : "(not an id)";

    public static async Task<IReadOnlyList<Assignment>> ActiveAssignmentsOfMentorAsync(TurnContext context, long mentorUserId) =>
        [.. (await context.Work.FindAsync<Assignment>(DocumentIndex.Mentor(mentorUserId))).Where(a => a.IsActive)];

    /// <summary>The mentor's active assignment for a business, or null: the server-side check behind every mentor action.</summary>
    public static async Task<Assignment?> AssignmentForAsync(TurnContext context, Guid businessId) =>
        (await ActiveAssignmentsOfMentorAsync(context, context.Message.UserId)).FirstOrDefault(a => a.BusinessId == businessId);

    /// <summary>One button per IKM assigned to the mentor (a <paramref name="kind"/> button carrying the business id), for check-in, retro visit and evaluation.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<Messaging.Button>>> IkmButtonsAsync(TurnContext context, Kernel.ButtonKind<Kernel.ButtonKind.Id> kind)
    {
        var businesses = await context.Work.AllBusinessesAsync();
        string? Name(Assignment a) => businesses.FirstOrDefault(b => b.Id == a.BusinessId)?.BusinessName;
        return [.. (await ActiveAssignmentsOfMentorAsync(context, context.Message.UserId)).ByBusinessName(Name, a => a.BusinessId)
            .Select(a => (IReadOnlyList<Messaging.Button>)[new Messaging.Button(Name(a) ?? "IKM", kind.Encode(new(a.BusinessId.ToString("N"))))])];
    }

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

    /// <summary>"Abon Ikan Mama Ani (Abon ikan, Palu Barat)": the business with its sentra as people name it.</summary>
    public static string BusinessLabel(Business? business, SentraLabels sentra, string language) =>
        business is null ? "?" : $"{business.BusinessName ?? "IKM"} ({sentra.Of(business.Commodity, language)}, {business.Kecamatan})";

    public static async Task<string> StaffNameAsync(TurnContext context, string cohortId, long userId) =>
        (await context.Work.GetAsync<CohortStaff>(CohortStaff.IdFor(cohortId, userId)))?.DisplayName
        ?? userId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Chats to tell about events of these cohorts: the administrators and the cohorts' own coordinators.</summary>
    public static async Task<IReadOnlyList<long>> CoordinatorChatsOfAsync(TurnContext context, IEnumerable<string> cohortIds)
    {
        var ids = new HashSet<long>(context.Options.CoordinatorIds);
        foreach (var cohortId in cohortIds.Distinct(StringComparer.Ordinal))
        {
            foreach (var staff in await context.Work.FindAsync<CohortStaff>(DocumentIndex.Cohort(cohortId)))
            {
                if (staff.Role == MemberRole.Coordinator) ids.Add(staff.UserId);
            }
        }

        return [.. ids.Order()];
    }

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
