using Ikm.Workflow.Parsing;
using Ikm.Workflow.Mentoring.Rules;
using System.Globalization;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;
using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Mentoring.Actions;

/// <summary>
/// /undang (create a role-bound, single-use, expiring invite link), /undangan (list, revoke) and the redemption of
/// "/start &lt;token&gt;" from the deep link.
/// </summary>
public sealed class InviteActions(BotIdentity identity, MenuPresenter menu, ILogger<InviteActions> log) : IActionHandler, IRouteOwner
{
    public const string OwnerInviteCohortKey = "inv.cohort";
    /// <summary>A revoke button names its invite by the first 32 hex characters of the id: the whole hash would not fit Telegram's 64 bytes.</summary>
    private const int RevokeKeyLength = 32;
    private static readonly ButtonKind<Revocation> RevokeButton = new("iv:rv", r => [r.CohortId, r.Key],
        f => f is [var cohort, var key] && key.Length == RevokeKeyLength ? new Revocation(cohort, key) : null);
    private static readonly ButtonKind<ButtonKind.Id> CohortButton = ButtonKind.Of("iv:c");
    private static readonly ButtonKind<ButtonKind.Id> ListButton = ButtonKind.Of("iv:l");
    private static readonly ButtonKind<InvitePage> ListPageButton = new("iv:lp", p => [p.CohortId, p.Page.ToString(CultureInfo.InvariantCulture)],
        f => f is [var cohort, var page] && cohort.Length > 0 && int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? new InvitePage(cohort, number) : null);

    /// <summary>
    /// Open invites one /undangan page lists, each a line and a revoke button: a page stays well inside Telegram's
    /// 4096 characters and 100 buttons however many invites a cohort has open.
    /// </summary>
    public const int InvitesPerPage = 40;

    /// <summary>A page of a cohort's open invites.</summary>
    private sealed record InvitePage(string CohortId, int Page);

    /// <summary>An invite of a cohort to revoke, named by the start of its id (the cohort is checked first).</summary>
    private sealed record Revocation(string CohortId, string Key);
    private const string PendingRoleKey = "iv.role";
    private const string PendingLabelKey = "iv.label";

    public IReadOnlyList<string> ButtonPrefixes { get; } = ["iv:"];

    public IEnumerable<EntryRoute> Routes =>
    [
        new(MemberRole.Coordinator, HandleAsync) { Commands = ["undang", "invite"], Help = ProgramTexts.InviteHelp },
        new(MemberRole.Coordinator, HandleAsync) { Commands = ["undangan", "invites"], Buttons = [MenuPresenter.InvitesButton], Help = ProgramTexts.InvitesHelp },
    ];

    public async Task HandleAsync(TurnContext context)
    {
        if (!ProgramDirectory.IsCoordinator(context))
        {
            log.LogWarning("Invite action refused for user {UserId}: not a coordinator", context.Message.UserId);
            context.Reply(context.T(ProgramTexts.CoordinatorsOnly));
            return;
        }

        var data = context.Message.ButtonData;
        if (data?.StartsWith(RevokeButton.Prefix + ":", StringComparison.Ordinal) == true)
            await RevokeAsync(context, RevokeButton.Decode(data));
        else if (CohortButton.Decode(data) is { } chosen)
            await CreateForChosenCohortAsync(context, chosen.Value);
        else if (ListButton.Decode(data) is { } listed)
            await ListAsync(context, listed.Value, page: 0);
        else if (ListPageButton.Decode(data) is { } paged)
            await ListAsync(context, paged.CohortId, paged.Page);
        else if (context.Message.Command is "undangan" or "invites" || data == MenuPresenter.InvitesButton)
            await AskListAsync(context);
        else
            await CreateAsync(context);
    }

    public async Task RedeemAsync(TurnContext context, string token)
    {
        var invite = await context.Work.GetAsync<Invite>(Invite.IdFor(token));
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
            var expiredOn = ProgramCalendar.For(await context.Work.GetAsync<Cohort>(invite.CohortId)).LocalDate(invite.ExpiresAt);
            context.Reply(context.T(ProgramTexts.InviteExpired, IndonesianFormat.Date(expiredOn, context.Language)));
            return;
        }

        var cohort = await context.Work.GetAsync<Cohort>(invite.CohortId);
        invite.UsedAt = context.Now;
        invite.UsedBy = context.Message.UserId;
        context.Work.Stage(invite);

        var member = context.Member ?? new Member { UserId = context.Message.UserId, ChatId = context.Message.ChatId, JoinedAt = context.Now, Language = context.Language };
        var formerRole = member.Role;
        // An owner invite never lowers a coordinator or mentor; staff invites set the role.
        if (invite.Role != MemberRole.Owner || member.Role == MemberRole.None)
            member.Role = invite.Role;
        context.SetMember(member);
        var staffInvite = invite.Role != MemberRole.Owner;
        AuditTrail.Record(context, AuditAction.InviteUsed, invite.CohortId,
            staffInvite ? [AuditEntry.Target("invite", invite.Id), AuditEntry.Target("user", context.Message.UserId)] : [AuditEntry.Target("invite", invite.Id)],
            anonymousActor: !staffInvite);
        AuditTrail.RecordRoleChange(context, invite.CohortId, formerRole, member.Role);

        string name;
        if (invite.Role == MemberRole.Owner)
        {
            context.Conversation.Data[OwnerInviteCohortKey] = invite.CohortId;
            name = context.T(ProgramTexts.RoleOwner);
        }
        else
        {
            var staffId = CohortStaff.IdFor(invite.CohortId, context.Message.UserId);
            var staff = new CohortStaff
            {
                Id = staffId,
                // Joining a cohort again (a second invite) rewrites the record: at the version stored, as every write.
                Version = (await context.Work.GetAsync<CohortStaff>(staffId))?.Version ?? 0,
                CohortId = invite.CohortId,
                UserId = context.Message.UserId,
                Role = invite.Role,
                DisplayName = string.IsNullOrWhiteSpace(invite.Label) ? context.Message.UserId.ToString(CultureInfo.InvariantCulture) : invite.Label,
                JoinedAt = context.Now,
            };
            context.Work.Stage(staff);
            name = staff.DisplayName;
        }

        context.Conversation.CloseFlow();
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

        var cohorts = await ProgramDirectory.CoordinatedCohortsAsync(context);
        if (cohorts.Count == 0)
        {
            context.Reply(context.T(ProgramTexts.NoCohort));
            return;
        }

        // The label becomes a display name and is repeated in replies: a name, not an essay.
        var label = Echo.Clip(parts[1]);
        if (cohorts.Count == 1)
        {
            Issue(context, cohorts[0], role.Value, label);
            return;
        }

        // Several cohorts: ask which one; the request waits in the conversation until a cohort is pressed.
        context.Conversation.Data[PendingRoleKey] = role.Value.ToString();
        context.Conversation.Data[PendingLabelKey] = label;
        context.Reply(context.T(ProgramTexts.ChooseCohort), [.. cohorts.Select(c => (IReadOnlyList<Button>)[new Button(c.Name, CohortButton.Encode(new(c.Id)))])]);
    }

    private async Task CreateForChosenCohortAsync(TurnContext context, string cohortId)
    {
        if (!await ProgramDirectory.EnsureCoordinatesAsync(context, cohortId, log)) return;
        var cohort = await context.Work.GetAsync<Cohort>(cohortId);
        if (cohort is null
            || !Enum.TryParse<MemberRole>(context.Conversation.Data.GetValueOrDefault(PendingRoleKey), out var role)
            || context.Conversation.Data.GetValueOrDefault(PendingLabelKey) is not { } label)
        {
            context.Reply(context.T(CommonTexts.StaleButton));
            return;
        }

        context.Conversation.Data.Remove(PendingRoleKey);
        context.Conversation.Data.Remove(PendingLabelKey);
        Issue(context, cohort, role, label);
    }

    private void Issue(TurnContext context, Cohort cohort, MemberRole role, string label)
    {
        var token = ProgramIds.NewInviteToken();
        var invite = new Invite
        {
            Id = Invite.IdFor(token),
            CohortId = cohort.Id,
            Role = role,
            CreatedBy = context.Message.UserId,
            CreatedAt = context.Now,
            ExpiresAt = context.Now.AddDays(context.Options.InviteDays),
            Label = label,
        };
        context.Work.Stage(invite);
        AuditTrail.Record(context, AuditAction.InviteCreated, cohort.Id, [AuditEntry.Target("invite", invite.Id)], "role", null, role.ToString());
        context.Reply(context.T(ProgramTexts.InviteCreated, RoleText(context, role), label, cohort.Name,
            IndonesianFormat.Date(ProgramCalendar.For(cohort).LocalDate(invite.ExpiresAt), context.Language), identity.DeepLink(token)));
    }

    /// <summary>/undangan: the open invites of the coordinator's cohort, after asking which one when there are several.</summary>
    private async Task AskListAsync(TurnContext context)
    {
        var cohorts = await ProgramDirectory.CoordinatedCohortsAsync(context);
        if (cohorts.Count == 0)
            context.Reply(context.T(ProgramTexts.NoCohort));
        else if (cohorts.Count == 1)
            await ListAsync(context, cohorts[0].Id, page: 0);
        else
            context.Reply(context.T(ProgramTexts.ChooseCohort), [.. cohorts.Select(c => (IReadOnlyList<Button>)[new Button(c.Name, ListButton.Encode(new(c.Id)))])]);
    }

    /// <summary>A page of the cohort's open invites, oldest first; a page number the list no longer has shows the nearest page.</summary>
    private async Task ListAsync(TurnContext context, string cohortId, int page)
    {
        if (!await ProgramDirectory.EnsureCoordinatesAsync(context, cohortId, log)) return;
        var open = (await context.Work.FindAsync<Invite>(DocumentIndex.Cohort(cohortId))).Where(i => !i.Revoked && i.UsedAt is null && i.ExpiresAt > context.Now).ToList();
        if (open.Count == 0)
        {
            context.Reply(context.T(ProgramTexts.NoInvites));
            return;
        }

        var calendar = ProgramCalendar.For(await context.Work.GetAsync<Cohort>(cohortId));
        var pages = (open.Count + InvitesPerPage - 1) / InvitesPerPage;
        var number = Math.Clamp(page, 0, pages - 1);
        var shown = open.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal).Skip(number * InvitesPerPage).Take(InvitesPerPage).ToList();
        var lines = shown.Select(i => $"• {RoleText(context, i.Role)} — {i.Label} ({IndonesianFormat.ShortDate(calendar.LocalDate(i.ExpiresAt), context.Language, withYear: false)})");
        var buttons = shown
            .Select(i => (IReadOnlyList<Button>)[new Button($"{context.T(ProgramTexts.Revoke)} {i.Label}", RevokeButton.Encode(new(cohortId, i.Id[..RevokeKeyLength])))]).ToList();
        var text = context.T(ProgramTexts.InviteList) + "\n" + string.Join("\n", lines);
        if (pages > 1)
        {
            text += "\n" + context.T(CommonTexts.PageOf, number + 1, pages);
            var navigation = new List<Button>(2);
            if (number > 0) navigation.Add(new Button(context.T(CommonTexts.PreviousPage), ListPageButton.Encode(new(cohortId, number - 1))));
            if (number < pages - 1) navigation.Add(new Button(context.T(CommonTexts.NextPage), ListPageButton.Encode(new(cohortId, number + 1))));
            buttons.Add(navigation);
        }

        context.Reply(text, buttons);
    }

    /// <summary>The cohort is checked first, then the key is looked up among that cohort's invites only; a malformed button is stale.</summary>
    private async Task RevokeAsync(TurnContext context, Revocation? revocation)
    {
        if (revocation is not var (cohortId, key))
        {
            context.Reply(context.T(CommonTexts.StaleButton));
            return;
        }

        if (!await ProgramDirectory.EnsureCoordinatesAsync(context, cohortId, log)) return;
        var invite = (await context.Work.FindAsync<Invite>(DocumentIndex.Cohort(cohortId))).SingleOrDefault(i => i.Id.StartsWith(key, StringComparison.Ordinal));
        if (invite is null || invite.UsedAt is not null || invite.Revoked)
        {
            context.Reply(context.T(CommonTexts.StaleButton));
            return;
        }

        invite.Revoked = true;
        context.Work.Stage(invite);
        AuditTrail.Record(context, AuditAction.InviteRevoked, invite.CohortId, [AuditEntry.Target("invite", invite.Id)]);
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
