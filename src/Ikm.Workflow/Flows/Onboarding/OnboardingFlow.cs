using Ikm.Workflow.Engine;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Onboarding;

/// <summary>
/// /start → welcome → language → role. Owners join directly; mentors and coordinators need an invite or a
/// configured id (Bot__Coordinators). Also serves /bahasa: a language change from anywhere comes back to the menu.
/// </summary>
public sealed class OnboardingFlow(MenuPresenter menu) : Flow<OnboardingState, OnboardingTrigger, OnboardingDraft>("ob"), IRouteOwner
{
    public const string FlowName = "onboarding";
    private ButtonKind<ButtonKind.Id> LanguageButton => Choices.Kind("lang");
    private ButtonKind<ButtonKind.Id> RoleButton => Choices.Kind("role");

    public override string Name => FlowName;
    protected override OnboardingState Idle => OnboardingState.Welcome;
    protected override OnboardingTrigger Start => OnboardingTrigger.Begin;

    public IEnumerable<EntryRoute> Routes => [new(null, StartLanguageChangeAsync) { Commands = ["bahasa", "language"], Help = OnboardingTexts.LanguageCommandHelp }];

    /// <summary>/bahasa: the language question alone.</summary>
    public Task StartLanguageChangeAsync(TurnContext context) =>
        BeginAsync(context, OnboardingTrigger.ChangeLanguage, new OnboardingDraft { LanguageOnly = true });

    protected override void Configure(FlowBuilder<OnboardingState, OnboardingTrigger, OnboardingDraft> flow)
    {
        var chooseLanguage = flow.Trigger<string>(OnboardingTrigger.ChooseLanguage);
        var chooseRole = flow.Trigger<MemberRole>(OnboardingTrigger.ChooseRole);

        flow.Step(OnboardingState.Welcome)
            .Permit(OnboardingTrigger.Begin, OnboardingState.ChoosingLanguage)
            .Permit(OnboardingTrigger.ChangeLanguage, OnboardingState.ChoosingLanguage);

        flow.Step(OnboardingState.ChoosingLanguage)
            .OnEntryFrom(OnboardingTrigger.Begin, turn => AskLanguage(turn, OnboardingTexts.Welcome), "welcome")
            .OnEntryFrom(OnboardingTrigger.ChangeLanguage, turn => AskLanguage(turn, OnboardingTexts.AskLanguage), "ask language")
            .OnEntryFrom(OnboardingTrigger.Back, turn => AskLanguage(turn, OnboardingTexts.AskLanguage), "ask again")
            .Help(turn => AskLanguage(turn, OnboardingTexts.LanguageHelp))
            .OnButton(LanguageButton, ReadLanguage, chooseLanguage)
            .PermitIf(chooseLanguage, OnboardingState.LanguageChanged, (draft, _) => draft.LanguageOnly, "language change only")
            .PermitIf(chooseLanguage, OnboardingState.ChoosingRole, (draft, _) => !draft.LanguageOnly, "first visit");

        flow.Step(OnboardingState.ChoosingRole)
            .OnEntryFrom(chooseLanguage, AskRole, "ask role")
            .Help(turn => turn.Reply(turn.T(OnboardingTexts.RoleHelp), RoleButtons(turn)))
            .OnButton(RoleButton, ReadRole, chooseRole)
            .Back(OnboardingTrigger.Back)
            .Permit(OnboardingTrigger.ChooseRole, OnboardingState.Joined)
            .Permit(OnboardingTrigger.Back, OnboardingState.ChoosingLanguage);

        flow.Step(OnboardingState.LanguageChanged).Ends()
            .OnEntryFrom(chooseLanguage, FinishLanguageChange, "language changed");

        flow.Step(OnboardingState.Joined).Ends()
            .OnEntryFrom(chooseRole, Join, "joined");
    }

    private static Task<Read<string>> ReadLanguage(FlowTurn<OnboardingDraft> turn, string language) =>
        Task.FromResult(language is Languages.Indonesian or Languages.English
            ? Read<string>.Ok(language)
            : Read<string>.Refuse(turn.T(CommonTexts.StaleButton)));

    /// <summary>Owners may join by themselves; mentors and coordinators only by invite or configuration.</summary>
    private Task<Read<MemberRole>> ReadRole(FlowTurn<OnboardingDraft> turn, string value)
    {
        if (!Enum.TryParse<MemberRole>(value, ignoreCase: true, out var role) || role == MemberRole.None || !Enum.IsDefined(role))
            return Task.FromResult(Read<MemberRole>.Refuse(turn.T(CommonTexts.StaleButton)));
        var context = turn.Context;
        var allowed = role switch
        {
            MemberRole.Owner => true,
            MemberRole.Coordinator => context.Options.CoordinatorIds.Contains(context.Message.UserId) || context.Member?.Role == MemberRole.Coordinator,
            MemberRole.Mentor => context.Member?.Role == MemberRole.Mentor,
            _ => false,
        };
        return Task.FromResult(allowed
            ? Read<MemberRole>.Ok(role)
            : Read<MemberRole>.Refuse(turn.T(OnboardingTexts.NeedsInvite, RoleLabel(role).In(turn.Language)), RoleButtons(turn)));
    }

    private void AskLanguage(FlowTurn<OnboardingDraft> turn, Text text) =>
        turn.Reply(turn.T(text),
        [[new Button("🇮🇩 Bahasa Indonesia", LanguageButton.Encode(new(Languages.Indonesian))), new Button("🇬🇧 English", LanguageButton.Encode(new(Languages.English)))]]);

    private void AskRole(FlowTurn<OnboardingDraft> turn, string language)
    {
        SetLanguage(turn.Context, language);
        turn.Reply(turn.T(OnboardingTexts.AskRole), RoleButtons(turn));
    }

    private IReadOnlyList<IReadOnlyList<Button>> RoleButtons(FlowTurn<OnboardingDraft> turn) =>
    [
        [new Button(turn.T(OnboardingTexts.RoleOwner), RoleButton.Encode(new("owner")))],
        [new Button(turn.T(OnboardingTexts.RoleMentor), RoleButton.Encode(new("mentor")))],
        [new Button(turn.T(OnboardingTexts.RoleCoordinator), RoleButton.Encode(new("coordinator")))],
    ];

    private static Text RoleLabel(MemberRole role) => role switch
    {
        MemberRole.Mentor => OnboardingTexts.RoleMentor,
        MemberRole.Coordinator => OnboardingTexts.RoleCoordinator,
        _ => OnboardingTexts.RoleOwner,
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

    private void FinishLanguageChange(FlowTurn<OnboardingDraft> turn, string language)
    {
        SetLanguage(turn.Context, language);
        turn.Reply(turn.T(OnboardingTexts.LanguageChanged));
        menu.Show(turn.Context);
    }

    private void Join(FlowTurn<OnboardingDraft> turn, MemberRole role)
    {
        var context = turn.Context;
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
        menu.Show(context);
    }
}
