using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Evaluations;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;

namespace Ikm.Workflow.Mentoring.Cards;

/// <summary>
/// 🪪 The IKM card ("kc:{business}"), offered in IKM saya, approvals, assignments and /terlambat. Checked on the server:
/// a mentor sees the IKMs assigned to them, a coordinator those of the cohorts they coordinate (and the registrations
/// waiting for any cohort, as the approval list shows them); anything else is refused and logged with ids only.
/// </summary>
public sealed class IkmCardActions(IQuestionnaireCatalog catalog, SentraLabels sentra, ILogger<IkmCardActions> log) : IActionHandler
{
    private static readonly ButtonKind<ButtonKind.Id> CardButton = ButtonKind.Of("kc");

    public IReadOnlyList<string> ButtonPrefixes { get; } = ["kc:"];

    /// <summary>The button that opens the card of <paramref name="businessId"/>.</summary>
    public static Button Button(string label, Guid businessId) => new(label, CardButton.Encode(new(businessId.ToString("N"))));

    public async Task HandleAsync(TurnContext context)
    {
        if (CardButton.Decode(context.Message.ButtonData) is not { } pressed || !Guid.TryParseExact(pressed.Value, "N", out var businessId)
            || await ProgramDirectory.BusinessAsync(context, businessId) is not { } business)
        {
            context.Reply(context.T(CommonTexts.StaleButton));
            return;
        }

        if (!await MaySeeAsync(context, business)) return;
        var assignment = (await context.Work.FindAsync<Assignment>(DocumentIndex.Business(businessId))).FirstOrDefault(a => a.IsActive);
        var lastVisit = (await context.Work.FindAsync<Visit>(DocumentIndex.Business(businessId)))
            .Where(v => v.Status == VisitStatus.Completed).Select(v => (DateTimeOffset?)v.StartedAt).Max();
        var plan = await EvaluationFigures.PlanAreasAsync(context, catalog, business);
        var facts = new IkmCard.Facts(
            lastVisit,
            [.. plan.Select(area => catalog.Diagnosis.FindArea(area)?.Label.Get(context.Language) ?? area)],
            assignment is null ? null : await ProgramDirectory.StaffNameAsync(context, assignment.CohortId, assignment.MentorUserId));
        context.Reply(IkmCard.Render(business, facts, sentra, context.Language, context.Now));
    }

    /// <summary>The scope check; a refusal is answered here.</summary>
    private async Task<bool> MaySeeAsync(TurnContext context, Business business)
    {
        if (ProgramDirectory.IsMentor(context)) return await ProgramDirectory.EnsureAssignedAsync(context, business.Id, log);
        if (!ProgramDirectory.IsCoordinator(context))
        {
            log.LogWarning("IKM card refused for user {UserId}: neither mentor nor coordinator", context.Message.UserId);
            context.Reply(context.T(ProgramTexts.NotAllowed));
            return false;
        }

        var memberships = await context.Work.FindAsync<CohortMembership>(DocumentIndex.Business(business.Id));
        foreach (var membership in memberships.Where(m => m.CohortId.Length > 0))
        {
            if (await ProgramDirectory.CanCoordinateAsync(context, membership.CohortId)) return true;
        }

        if (memberships.Any(m => m is { Status: MembershipStatus.Pending, CohortId.Length: 0 })
            && (await ProgramDirectory.CoordinatedCohortsAsync(context)).Count > 0)
            return true;

        if (memberships.FirstOrDefault(m => m.CohortId.Length > 0) is { } other)
            return await ProgramDirectory.EnsureCoordinatesAsync(context, other.CohortId, log);
        log.LogWarning("IKM card of business {BusinessId} refused for user {UserId}: in no cohort they coordinate", business.Id, context.Message.UserId);
        context.Reply(context.T(CommonTexts.StaleButton));
        return false;
    }
}
