using System.Globalization;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;

namespace Ikm.Workflow.Program.Actions;

/// <summary>
/// /undang (create a role-bound, single-use, expiring invite link), /undangan (list, revoke) and the redemption of
/// "/start &lt;token&gt;" from the deep link.
/// </summary>
public sealed class InviteActions(BotIdentity identity, MenuPresenter menu, ILogger<InviteActions> log) : IActionHandler
{
    public const string OwnerInviteCohortKey = "inv.cohort";
    private const string RevokePrefix = "iv:rv:";

    public IReadOnlyList<string> ButtonPrefixes { get; } = ["iv:"];

    public IReadOnlyList<string> Commands { get; } = ["undang", "invite", "undangan", "invites"];

    public async Task HandleAsync(TurnContext context)
    {
        if (!ProgramDirectory.IsCoordinator(context))
        {
            log.LogWarning("Invite action refused for user {UserId}: not a coordinator", context.Message.UserId);
            context.Reply(context.T(ProgramTexts.CoordinatorsOnly));
            return;
        }

        if (context.Message.ButtonData is { } data && data.StartsWith(RevokePrefix, StringComparison.Ordinal))
            await RevokeAsync(context, data[RevokePrefix.Length..]);
        else if (context.Message.Command is "undangan" or "invites")
            await ListAsync(context);
        else
            await CreateAsync(context);
    }

    public async Task RedeemAsync(TurnContext context, string token)
    {
        var invite = await context.Work.GetAsync<Invite>(token);
        var culture = Languages.Culture(context.Language);
        if (invite is null)
        {
            context.Reply(context.T(ProgramTexts.InviteUnknown));
            return;
        }

        if (invite.Revoked)
        {
            context.Reply(context.T(ProgramTexts.InviteRevoked));
            return;
        }

        if (invite.UsedAt is not null)
        {
            context.Reply(context.T(ProgramTexts.InviteUsed));
            return;
        }

        if (invite.ExpiresAt <= context.Now)
        {
            context.Reply(context.T(ProgramTexts.InviteExpired, invite.ExpiresAt.ToString("d MMMM yyyy", culture)));
            return;
        }

        var cohort = await context.Work.GetAsync<Cohort>(invite.CohortId);
        invite.UsedAt = context.Now;
        invite.UsedBy = context.Message.UserId;
        context.Work.Stage(invite);

        var member = context.Member ?? new Member { UserId = context.Message.UserId, ChatId = context.Message.ChatId, JoinedAt = context.Now, Language = context.Language };
        // An owner invite never lowers a coordinator or mentor; staff invites set the role.
        if (invite.Role != MemberRole.Owner || member.Role == MemberRole.None)
            member.Role = invite.Role;
        context.SetMember(member);

        string name;
        if (invite.Role == MemberRole.Owner)
        {
            context.Conversation.Data[OwnerInviteCohortKey] = invite.CohortId;
            name = context.T(ProgramTexts.RoleOwner);
        }
        else
        {
            var staff = new CohortStaff
            {
                Id = CohortStaff.IdFor(invite.CohortId, context.Message.UserId),
                CohortId = invite.CohortId,
                UserId = context.Message.UserId,
                Role = invite.Role,
                DisplayName = string.IsNullOrWhiteSpace(invite.Label) ? context.Message.UserId.ToString(CultureInfo.InvariantCulture) : invite.Label,
                JoinedAt = context.Now,
            };
            context.Work.Stage(staff);
            name = staff.DisplayName;
        }

        context.Conversation.Flow = "";
        context.Conversation.State = "";
        log.LogInformation("Invite redeemed by user {UserId} for cohort {CohortId} as {Role}", context.Message.UserId, invite.CohortId, invite.Role);
        menu.Show(context, context.T(ProgramTexts.InviteAccepted, cohort?.Name ?? invite.CohortId, RoleText(context, invite.Role), name));
    }

    private async Task CreateAsync(TurnContext context)
    {
        var argument = context.Message.CommandArgument ?? "";
        var parts = argument.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var role = parts.Length > 0 ? ParseRole(parts[0]) : null;
        if (role is null || parts.Length < 2)
        {
            context.Reply(context.T(ProgramTexts.InviteUsage, context.Options.InviteDays));
            return;
        }

        var cohorts = await ProgramDirectory.CohortsAsync(context);
        if (cohorts.Count == 0)
        {
            context.Reply(context.T(ProgramTexts.NoCohort));
            return;
        }

        var cohort = cohorts[^1];
        var invite = new Invite
        {
            Id = ProgramIds.NewInviteToken(),
            CohortId = cohort.Id,
            Role = role.Value,
            CreatedBy = context.Message.UserId,
            CreatedAt = context.Now,
            ExpiresAt = context.Now.AddDays(context.Options.InviteDays),
            Label = parts[1],
        };
        context.Work.Stage(invite);
        var culture = Languages.Culture(context.Language);
        context.Reply(context.T(ProgramTexts.InviteCreated, RoleText(context, role.Value), parts[1], cohort.Name,
            invite.ExpiresAt.ToString("d MMMM yyyy", culture), identity.DeepLink(invite.Id)));
    }

    private static async Task ListAsync(TurnContext context)
    {
        var open = new List<Invite>();
        foreach (var cohort in await ProgramDirectory.CohortsAsync(context))
            open.AddRange((await context.Work.FindAsync<Invite>("cohort", cohort.Id)).Where(i => !i.Revoked && i.UsedAt is null && i.ExpiresAt > context.Now));
        if (open.Count == 0)
        {
            context.Reply(context.T(ProgramTexts.NoInvites));
            return;
        }

        var culture = Languages.Culture(context.Language);
        var lines = open.OrderBy(i => i.CreatedAt).Select(i => $"• {RoleText(context, i.Role)} — {i.Label} ({i.ExpiresAt.ToString("d MMM", culture)})");
        var buttons = open.OrderBy(i => i.CreatedAt)
            .Select(i => (IReadOnlyList<Button>)[new Button($"{context.T(ProgramTexts.Revoke)} {i.Label}", RevokePrefix + i.Id)]).ToList();
        context.Reply(context.T(ProgramTexts.InviteList) + "\n" + string.Join("\n", lines), buttons);
    }

    private static async Task RevokeAsync(TurnContext context, string token)
    {
        var invite = await context.Work.GetAsync<Invite>(token);
        if (invite is null || invite.UsedAt is not null || invite.Revoked)
        {
            context.Reply(context.T(CommonTexts.StaleButton));
            return;
        }

        invite.Revoked = true;
        context.Work.Stage(invite);
        context.Reply(context.T(ProgramTexts.Revoked, invite.Label));
    }

    private static MemberRole? ParseRole(string word) => word.ToLowerInvariant() switch
    {
        "mentor" or "pendamping" => MemberRole.Mentor,
        "koordinator" or "coordinator" => MemberRole.Coordinator,
        "pemilik" or "owner" or "ikm" => MemberRole.Owner,
        _ => null,
    };

    private static string RoleText(TurnContext context, MemberRole role) => context.T(role switch
    {
        MemberRole.Mentor => ProgramTexts.RoleMentor,
        MemberRole.Coordinator => ProgramTexts.RoleCoordinator,
        _ => ProgramTexts.RoleOwner,
    });
}
