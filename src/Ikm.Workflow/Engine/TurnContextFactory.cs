using Ikm.Workflow.Conversations;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Engine;

internal static class TurnContextFactory
{
    /// <summary>A context that only lets a flow build its machine, for the diagram export.</summary>
    public static TurnContext ForDiagram(string state)
    {
        var conversation = Conversation.New(0, 0, Languages.Indonesian);
        conversation.State = state;
        return new TurnContext(
            new IncomingMessage { UpdateId = 0, ChatId = 0, UserId = 0, Kind = IncomingKind.Text },
            conversation, null, DateTimeOffset.UnixEpoch, new BotOptions());
    }
}
