using Ikm.Workflow.Members;

namespace Ikm.Workflow.Engine;

/// <summary>The home screen of each role, shown after joining, on /menu and after /batal.</summary>
public sealed class MenuPresenter
{
    public void Show(TurnContext context)
    {
        var text = (context.Member?.Role ?? MemberRole.None) switch
        {
            MemberRole.Owner => MenuTexts.OwnerMenu,
            MemberRole.Mentor => MenuTexts.MentorMenu,
            MemberRole.Coordinator => MenuTexts.CoordinatorMenu,
            _ => MenuTexts.NotJoined,
        };
        context.Reply(context.T(text));
    }
}
