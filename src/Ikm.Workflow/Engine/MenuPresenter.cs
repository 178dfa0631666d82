using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring.Actions;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Engine;

/// <summary>The home screen of each role, shown after joining, on /menu and after /batal.</summary>
public sealed class MenuPresenter
{
    public const string Prefix = "menu:";
    public const string ProfileButton = Prefix + "profile";
    public const string DiagnosisButton = Prefix + "diagnosis";
    public const string PlanButton = Prefix + "plan";
    public const string HelpButton = Prefix + "help";
    public const string CohortButton = Prefix + "cohort";
    public const string VisitsButton = Prefix + "visits";
    public const string CheckInButton = Prefix + "checkin";
    public const string RetroButton = Prefix + "retro";
    public const string EvaluationButton = Prefix + "eval";
    public const string SelfAssessmentButton = Prefix + "self";
    public const string CheckOutButton = Prefix + "checkout";
    public const string MyIkmsButton = Prefix + "mine";
    public const string SummaryButton = Prefix + "summary";
    public const string LateButton = Prefix + "late";
    public const string RankingButton = Prefix + "ranking";
    public const string ExportButton = Prefix + "export";
    public const string InvitesButton = Prefix + "invites";

    public void Show(TurnContext context, string? preface = null)
    {
        var role = context.Member?.Role ?? MemberRole.None;
        var text = role switch
        {
            MemberRole.Owner => MenuTexts.OwnerMenu,
            MemberRole.Mentor => MenuTexts.MentorMenu,
            MemberRole.Coordinator => MenuTexts.CoordinatorMenu,
            _ => MenuTexts.NotJoined,
        };
        var body = context.T(text);
        if (preface is not null) body = preface + "\n\n" + body;
        context.Reply(body, role switch
        {
            MemberRole.Owner => OwnerButtons(context),
            MemberRole.Coordinator => CoordinatorButtons(context),
            MemberRole.Mentor => MentorButtons(context),
            _ => null,
        });
    }

    private static IReadOnlyList<IReadOnlyList<Button>> CoordinatorButtons(TurnContext context) =>
    [
        [new Button(context.T(MenuTexts.NewCohort), CohortButton), new Button(context.T(MenuTexts.Approvals), ApprovalActions.ListButton)],
        [new Button(context.T(MenuTexts.Assign), AssignmentActions.StartButton), new Button(context.T(MenuTexts.Invites), InvitesButton)],
        [new Button(context.T(MenuTexts.Summary), SummaryButton), new Button(context.T(MenuTexts.Late), LateButton)],
        [new Button(context.T(MenuTexts.Ranking), RankingButton), new Button(context.T(MenuTexts.Export), ExportButton)],
        [new Button(context.T(MenuTexts.Help), HelpButton)],
    ];

    private static IReadOnlyList<IReadOnlyList<Button>> MentorButtons(TurnContext context) =>
    [
        [new Button(context.T(MenuTexts.MyIkms), MyIkmsButton), new Button(context.T(MenuTexts.CheckIn), CheckInButton)],
        [new Button(context.T(MenuTexts.CheckOut), CheckOutButton), new Button(context.T(MenuTexts.Retro), RetroButton)],
        [new Button(context.T(MenuTexts.Evaluation), EvaluationButton), new Button(context.T(MenuTexts.Help), HelpButton)],
    ];

    /// <summary>The owner's menu buttons with what each is for: the menu shows them, the owner's /bantuan explains them, from this one list.</summary>
    public static readonly IReadOnlyList<MenuEntry> OwnerEntries =
    [
        new(MenuTexts.Profile, ProfileButton, GuideTexts.ProfileUse),
        new(MenuTexts.Diagnosis, DiagnosisButton, GuideTexts.DiagnosisUse),
        new(MenuTexts.Plan, PlanButton, GuideTexts.PlanUse),
        new(MenuTexts.Visits, VisitsButton, GuideTexts.VisitsUse),
        new(MenuTexts.SelfAssessment, SelfAssessmentButton, GuideTexts.SelfAssessmentUse),
    ];

    private static IReadOnlyList<IReadOnlyList<Button>> OwnerButtons(TurnContext context) =>
    [
        .. OwnerEntries.Select(entry => new Button(context.T(entry.Label), entry.Data))
            .Append(new Button(context.T(MenuTexts.Help), HelpButton))
            .Chunk(2),
    ];
}

/// <summary>A menu button (its label and data) and the guide's words for what it is for.</summary>
public sealed record MenuEntry(Text Label, string Data, Text Use);
