using Ikm.Workflow.Audit;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;

namespace Ikm.Workflow.Mentoring.Actions;

/// <summary>Self-registered owners wait for a coordinator: ⏳ Persetujuan lists them with a button per cohort.</summary>
public sealed class ApprovalActions(Businesses.SentraLabels sentra, ILogger<ApprovalActions> log) : IActionHandler, IRouteOwner
{
    public const string ListButton = "ap:list";
    private static readonly ButtonKind<Approval> ApproveButton = new("ap:ok", a => [a.MembershipId, a.CohortId], f => f is [var id, var cohort] ? new Approval(id, cohort) : null);
    private static readonly ButtonKind<ButtonKind.Id> RejectButton = ButtonKind.Of("ap:no");

    /// <summary>An IKM's pending membership admitted to a cohort.</summary>
    private sealed record Approval(string MembershipId, string CohortId);

    public IReadOnlyList<string> ButtonPrefixes { get; } = ["ap:"];

    public IEnumerable<EntryRoute> Routes => [new(Members.MemberRole.Coordinator, HandleAsync) { Commands = ["persetujuan", "approvals"], Help = ProgramTexts.ApprovalsHelp }];

    public async Task HandleAsync(TurnContext context)
    {
        if (!ProgramDirectory.IsCoordinator(context))
        {
            log.LogWarning("Approval action refused for user {UserId}: not a coordinator", context.Message.UserId);
            context.Reply(context.T(ProgramTexts.CoordinatorsOnly));
            return;
        }

        var data = context.Message.ButtonData;
        if (ApproveButton.Decode(data) is { } approval)
            await DecideAsync(context, approval.MembershipId, approval.CohortId, log);
        else if (RejectButton.Decode(data) is { } rejected)
            await DecideAsync(context, rejected.Value, cohortId: null, log);
        else
            await ListAsync(context, sentra);
    }

    /// <summary>Called when an owner saves a new registration: admitted at once with an owner invite, else pending.</summary>
    public static async Task RequestAsync(TurnContext context, Businesses.Business business, string? invitedCohortId, Businesses.SentraLabels sentra)
    {
        var membership = new CohortMembership
        {
            Id = ProgramIds.NewId(),
            CohortId = invitedCohortId ?? "",
            BusinessId = business.Id,
            OwnerUserId = business.OwnerUserId,
            Status = invitedCohortId is null ? MembershipStatus.Pending : MembershipStatus.Approved,
            RequestedAt = context.Now,
            DecidedAt = invitedCohortId is null ? null : context.Now,
        };
        context.Work.Stage(membership);
        if (invitedCohortId is not null) return;
        foreach (var chat in await ProgramDirectory.CoordinatorChatsAsync(context))
        {
            var language = await context.Work.LanguageOfAsync(chat);
            context.SendTo(chat, ProgramTexts.NewRegistration.In(language, business.BusinessName ?? "", sentra.Of(business.Commodity, language), business.Kecamatan ?? ""),
                [[new Button(Engine.MenuTexts.Approvals.In(language), ListButton)], [Cards.IkmCardActions.Button(Cards.IkmCardTexts.OpenThis.In(language), business.Id)]]);
        }
    }

    private static async Task ListAsync(TurnContext context, Businesses.SentraLabels sentra)
    {
        var pending = (await context.Work.AllAsync<CohortMembership>()).Where(m => m.Status == MembershipStatus.Pending).ToList();
        var cohorts = await ProgramDirectory.CoordinatedCohortsAsync(context);
        if (pending.Count == 0)
        {
            context.Reply(context.T(ProgramTexts.NoPending));
            return;
        }

        if (cohorts.Count == 0)
        {
            context.Reply(context.T(ProgramTexts.NoCohort));
            return;
        }

        var businesses = await context.Work.AllBusinessesAsync();
        foreach (var membership in pending.OrderBy(m => m.RequestedAt).Take(10))
        {
            var business = businesses.FirstOrDefault(b => b.Id == membership.BusinessId);
            var rows = cohorts.Select(c => (IReadOnlyList<Button>)[new Button(context.T(ProgramTexts.Approve, c.Name), ApproveButton.Encode(new(membership.Id, c.Id)))]).ToList();
            rows.Add([new Button(context.T(ProgramTexts.Reject), RejectButton.Encode(new(membership.Id)))]);
            rows.Add([Cards.IkmCardActions.Button(context.T(Cards.IkmCardTexts.OpenThis), membership.BusinessId)]);
            context.Reply(context.T(ProgramTexts.PendingList) + "\n" + ProgramDirectory.BusinessLabel(business, sentra, context.Language), rows);
        }
    }

    private static async Task DecideAsync(TurnContext context, string membershipId, string? cohortId, ILogger log)
    {
        var membership = await context.Work.GetAsync<CohortMembership>(membershipId);
        var cohort = cohortId is null ? null : await context.Work.GetAsync<Cohort>(cohortId);
        if (membership is null || (cohortId is not null && cohort is null))
        {
            context.Reply(context.T(CommonTexts.StaleButton));
            return;
        }

        // Admitting is into a cohort the coordinator coordinates; a decided membership belongs to its cohort's coordinators.
        if ((cohortId is not null && !await ProgramDirectory.EnsureCoordinatesAsync(context, cohortId, log))
            || (membership.CohortId.Length > 0 && !await ProgramDirectory.EnsureCoordinatesAsync(context, membership.CohortId, log)))
            return;

        if (cohortId is null && (await ProgramDirectory.CoordinatedCohortsAsync(context)).Count == 0)
        {
            log.LogWarning("Rejection refused for user {UserId}: coordinates no cohort", context.Message.UserId);
            context.Reply(context.T(ProgramTexts.NoCohort));
            return;
        }

        if (membership.Status != MembershipStatus.Pending)
        {
            context.Reply(context.T(ProgramTexts.AlreadyDecided));
            return;
        }

        var business = await ProgramDirectory.BusinessAsync(context, membership.BusinessId);
        var label = business?.BusinessName ?? "IKM";
        membership.Status = cohort is null ? MembershipStatus.Rejected : MembershipStatus.Approved;
        membership.CohortId = cohort?.Id ?? "";
        membership.DecidedAt = context.Now;
        membership.DecidedBy = context.Message.UserId;
        context.Work.Stage(membership);
        AuditTrail.Record(context, cohort is null ? AuditAction.MembershipRejected : AuditAction.MembershipApproved, membership.CohortId,
            [AuditEntry.Target("membership", membership.Id), AuditEntry.Target("business", membership.BusinessId)]);
        if (cohort is null)
        {
            context.Reply(context.T(ProgramTexts.Rejected, label));
            return;
        }

        context.Reply(context.T(ProgramTexts.Approved, label, cohort.Name));
        context.SendTo(membership.OwnerUserId, ProgramTexts.OwnerApproved.In(await context.Work.LanguageOfAsync(membership.OwnerUserId), cohort.Name));
    }
}
