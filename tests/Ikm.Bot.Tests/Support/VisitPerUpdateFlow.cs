using Ikm.Workflow.Conversations;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Stateless.Reflection;

namespace Ikm.Bot.Tests.Support;

/// <summary>Every update creates a document with a new id: an update run again, or run at all, shows as one more visit.</summary>
internal sealed class VisitPerUpdateFlow : IFlow
{
    public const string FlowName = "visit-per-update";

    public string Name => FlowName;

    /// <summary>Stores the chat's conversation with this flow open.</summary>
    public static Task OpenAsync(IBotStore store, long chatId)
    {
        var conversation = Conversation.New(chatId, chatId, "id");
        conversation.Flow = FlowName;
        conversation.State = "Open";
        return store.CommitAsync([new ChangeSet { Conversation = conversation }], CancellationToken.None);
    }

    public Task StartAsync(TurnContext context) => Task.CompletedTask;

    public Task HandleAsync(TurnContext context)
    {
        context.Work.Stage(new Visit { Id = Guid.NewGuid().ToString("N"), CohortId = "replay", StartedAt = context.Now });
        context.Reply("ok " + context.Message.Text);
        return Task.CompletedTask;
    }

    public Task HelpAsync(TurnContext context)
    {
        context.Reply("help");
        return Task.CompletedTask;
    }

    public Task<bool> BackAsync(TurnContext context) => Task.FromResult(false);

    public StateMachineInfo Describe() => throw new NotSupportedException();
}
