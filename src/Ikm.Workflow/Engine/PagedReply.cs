using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Engine;

/// <summary>A reply offering a long list of choices a page at a time, paged for the channel the message came through.</summary>
public static class PagedReply
{
    /// <param name="pageData">The data of the button that shows a page (a <c>ButtonKind</c> naming the list and the page).</param>
    public static void Send(TurnContext context, string text, IReadOnlyList<IReadOnlyList<Button>> rows, int page, Func<int, string> pageData)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shown = ChoicePages.Page(rows, page, context.Message.Capabilities, pageData, context.T(CommonTexts.PreviousPage), context.T(CommonTexts.NextPage));
        context.Reply(shown.Count > 1 ? text + "\n" + context.T(CommonTexts.PageOf, shown.Number + 1, shown.Count) : text, shown.Rows);
    }
}
