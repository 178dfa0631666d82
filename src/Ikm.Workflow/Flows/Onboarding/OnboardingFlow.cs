using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;
using Stateless;
using Stateless.Reflection;

namespace Ikm.Workflow.Flows.Onboarding;

/// <summary>
/// /start → welcome → language → role. Owners join directly; mentors and coordinators need an invite or a
/// configured id (Bot__Coordinators). Also serves /bahasa: a language change from anywhere comes back to the menu.
/// </summary>
public sealed class OnboardingFlow(MenuPresenter menu) : IFlow
{
    public const string FlowName = "onboarding";
    private const string LanguagePrefix = "ob:lang:";
    private const string RolePrefix = "ob:role:";
    /// <summary>Set when only the language is being changed (/bahasa): after the choice, back to the menu.</summary>
    private const string LanguageOnlyKey = "ob.languageOnly";

    public string Name => FlowName;

    public Task StartAsync(TurnContext context)
    {
        context.Conversation.State = nameof(OnboardingState.Welcome);
        return Build(context).Machine.FireAsync(OnboardingTrigger.Begin);
    }

    /// <summary>/bahasa: the language question alone.</summary>
    public void StartLanguageChange(TurnContext context)
    {
        context.Conversation.Flow = FlowName;
        context.Conversation.State = nameof(OnboardingState.ChoosingLanguage);
        context.Conversation.Data[LanguageOnlyKey] = "1";
        AskLanguage(context, OnboardingTexts.AskLanguage);
    }

    public async Task HandleAsync(TurnContext context)
    {
        var (machine, chooseLanguage, chooseRole) = Build(context);
        var data = context.Message.ButtonData;
        if (data is not null && data.StartsWith(LanguagePrefix, StringComparison.Ordinal)
            && data[LanguagePrefix.Length..] is Languages.Indonesian or Languages.English
            && machine.CanFire(OnboardingTrigger.ChooseLanguage))
        {
            await machine.FireAsync(chooseLanguage, data[LanguagePrefix.Length..]);
            return;
        }

        if (data is not null && data.StartsWith(RolePrefix, StringComparison.Ordinal)
            && Enum.TryParse<MemberRole>(data[RolePrefix.Length..], ignoreCase: true, out var role) && role != MemberRole.None
            && machine.CanFire(OnboardingTrigger.ChooseRole))
        {
            if (!MayTake(context, role))
            {
                context.Reply(context.T(OnboardingTexts.NeedsInvite, RoleLabel(role).In(context.Language)), RoleButtons(context));
                return;
            }

            await machine.FireAsync(chooseRole, role);
            return;
        }

        if (data is not null)
        {
            context.Reply(context.T(CommonTexts.StaleButton));
            return;
        }

        await HelpAsync(context);
    }

    public Task HelpAsync(TurnContext context)
    {
        switch (CurrentState(context))
        {
            case OnboardingState.ChoosingRole:
                context.Reply(context.T(OnboardingTexts.RoleHelp), RoleButtons(context));
                break;
            default:
                AskLanguage(context, OnboardingTexts.LanguageHelp);
                break;
        }

        return Task.CompletedTask;
    }

    public async Task<bool> BackAsync(TurnContext context)
    {
        var machine = Build(context).Machine;
        if (!machine.CanFire(OnboardingTrigger.Back)) return false;
        await machine.FireAsync(OnboardingTrigger.Back);
        return true;
    }

    public StateMachineInfo Describe()
    {
        return Build(TurnContextFactory.ForDiagram(nameof(OnboardingState.Welcome))).Machine.GetInfo();
    }

    private (StateMachine<OnboardingState, OnboardingTrigger> Machine,
        StateMachine<OnboardingState, OnboardingTrigger>.TriggerWithParameters<string> ChooseLanguage,
        StateMachine<OnboardingState, OnboardingTrigger>.TriggerWithParameters<MemberRole> ChooseRole) Build(TurnContext context)
    {
        var machine = new StateMachine<OnboardingState, OnboardingTrigger>(
            () => CurrentState(context),
            state => context.Conversation.State = state.ToString());
        var chooseLanguage = machine.SetTriggerParameters<string>(OnboardingTrigger.ChooseLanguage);
        var chooseRole = machine.SetTriggerParameters<MemberRole>(OnboardingTrigger.ChooseRole);

        machine.Configure(OnboardingState.Welcome)
            .Permit(OnboardingTrigger.Begin, OnboardingState.ChoosingLanguage);

        machine.Configure(OnboardingState.ChoosingLanguage)
            .OnEntryFrom(OnboardingTrigger.Begin, () => AskLanguage(context, OnboardingTexts.Welcome), "welcome")
            .OnEntryFrom(OnboardingTrigger.Back, () => AskLanguage(context, OnboardingTexts.AskLanguage), "ask again")
            .PermitIf(chooseLanguage, OnboardingState.Done, _ => IsLanguageOnly(context), "language change only")
            .PermitIf(chooseLanguage, OnboardingState.ChoosingRole, _ => !IsLanguageOnly(context), "first visit");

        machine.Configure(OnboardingState.ChoosingRole)
            .OnEntryFrom(chooseLanguage, language => AskRole(context, language), "ask role")
            .Permit(OnboardingTrigger.ChooseRole, OnboardingState.Done)
            .Permit(OnboardingTrigger.Back, OnboardingState.ChoosingLanguage);

        machine.Configure(OnboardingState.Done)
            .OnEntryFrom(chooseLanguage, language => FinishLanguageChange(context, language), "language changed")
            .OnEntryFrom(chooseRole, role => Join(context, role), "joined");

        return (machine, chooseLanguage, chooseRole);
    }

    private static OnboardingState CurrentState(TurnContext context) =>
        Enum.TryParse<OnboardingState>(context.Conversation.State, out var state) ? state : OnboardingState.Welcome;

    private static bool IsLanguageOnly(TurnContext context) => context.Conversation.Data.ContainsKey(LanguageOnlyKey);

    private static void AskLanguage(TurnContext context, Text text) =>
        context.Reply(context.T(text),
        [[new Button("🇮🇩 Bahasa Indonesia", LanguagePrefix + Languages.Indonesian), new Button("🇬🇧 English", LanguagePrefix + Languages.English)]]);

    private static void AskRole(TurnContext context, string language)
    {
        SetLanguage(context, language);
        context.Reply(context.T(OnboardingTexts.AskRole), RoleButtons(context));
    }

    private static IReadOnlyList<IReadOnlyList<Button>> RoleButtons(TurnContext context) =>
    [
        [new Button(context.T(OnboardingTexts.RoleOwner), RolePrefix + "owner")],
        [new Button(context.T(OnboardingTexts.RoleMentor), RolePrefix + "mentor")],
        [new Button(context.T(OnboardingTexts.RoleCoordinator), RolePrefix + "coordinator")],
    ];

    private static Text RoleLabel(MemberRole role) => role switch
    {
        MemberRole.Mentor => OnboardingTexts.RoleMentor,
        MemberRole.Coordinator => OnboardingTexts.RoleCoordinator,
        _ => OnboardingTexts.RoleOwner,
    };

    /// <summary>Owners may join by themselves; mentors and coordinators only by invite or configuration.</summary>
    private static bool MayTake(TurnContext context, MemberRole role) => role switch
    {
        MemberRole.Owner => true,
        MemberRole.Coordinator => context.Options.CoordinatorIds.Contains(context.Message.UserId) || context.Member?.Role == MemberRole.Coordinator,
        MemberRole.Mentor => context.Member?.Role == MemberRole.Mentor,
        _ => false,
    };

    private static void SetLanguage(TurnContext context, string language)
    {
        context.Conversation.Language = language;
        if (context.Member is { } member && member.Language != language)
        {
            member.Language = language;
            context.SetMember(member);
        }
    }

    private void FinishLanguageChange(TurnContext context, string language)
    {
        SetLanguage(context, language);
        Close(context);
        context.Reply(context.T(OnboardingTexts.LanguageChanged));
        menu.Show(context);
    }

    private void Join(TurnContext context, MemberRole role)
    {
        var member = context.Member ?? new Member
        {
            UserId = context.Message.UserId,
            ChatId = context.Message.ChatId,
            JoinedAt = context.Now,
        };
        var formerRole = member.Role;
        member.Role = role;
        member.Language = context.Language;
        context.SetMember(member);
        Audit.AuditTrail.RecordRoleChange(context, "", formerRole, role);
        Close(context);
        menu.Show(context);
    }

    private static void Close(TurnContext context)
    {
        context.Conversation.CloseFlow();
        context.Conversation.Data.Remove(LanguageOnlyKey);
    }
}
