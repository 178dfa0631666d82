using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Visits;

/// <summary>Replies that the visit flows share.</summary>
public static class VisitNotices
{
    /// <summary>One logbook at a time: starting another visit would lose the answers of the unfinished one.</summary>
    public static async Task FinishLogbookFirstAsync(TurnContext context)
    {
        var logging = (await MentorVisits.UnfinishedLogbookAsync(context))!;
        context.Reply(context.T(VisitTexts.FinishLogbookFirst, await MentorVisits.BusinessNameAsync(context, logging.BusinessId)),
            [[new Button(context.T(MenuTexts.CheckOut), MenuPresenter.CheckOutButton)]]);
    }
}
