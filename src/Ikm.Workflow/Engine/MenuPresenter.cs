using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Engine;

/// <summary>The home screen of each role, shown after joining, on /menu and after /batal.</summary>
public sealed class MenuPresenter
{
    public const string Prefix = "menu:";
    public const string ProfileButton = Prefix + "profile";
    public const string DiagnosisButton = Prefix + "diagnosis";
    public const string PlanButton = Prefix + "plan";
    public const string HelpButton = Prefix + "help";

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
        context.Reply(body, role == MemberRole.Owner ? OwnerButtons(context) : null);
    }

    private static IReadOnlyList<IReadOnlyList<Button>> OwnerButtons(TurnContext context) =>
    [
        [new Button(context.T(MenuTexts.Profile), ProfileButton), new Button(context.T(MenuTexts.Diagnosis), DiagnosisButton)],
        [new Button(context.T(MenuTexts.Plan), PlanButton), new Button(context.T(MenuTexts.Help), HelpButton)],
    ];
}
