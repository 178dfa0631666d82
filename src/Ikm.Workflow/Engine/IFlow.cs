using Stateless.Reflection;

namespace Ikm.Workflow.Engine;

/// <summary>
/// A conversation (onboarding, registration, diagnosis…). A flow rebuilds its Stateless machine around the
/// stored state on every message; nothing of it lives between messages.
/// </summary>
public interface IFlow
{
    /// <summary>Stored in Conversation.Flow; never rename once shipped.</summary>
    string Name { get; }

    /// <summary>Enters the flow at its first step (Conversation.Flow is already set to <see cref="Name"/>).</summary>
    Task StartAsync(TurnContext context);

    /// <summary>Handles a message for the open flow; bad input is answered here, never thrown.</summary>
    Task HandleAsync(TurnContext context);

    /// <summary>Repeats the current step with guidance (/bantuan, unknown input).</summary>
    Task HelpAsync(TurnContext context);

    /// <summary>Goes back one question (/kembali); false when the flow has nothing to go back to.</summary>
    Task<bool> BackAsync(TurnContext context);

    /// <summary>The machine's shape, for the generated Mermaid diagram.</summary>
    StateMachineInfo Describe();
}
