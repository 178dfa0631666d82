namespace Ikm.Workflow.Engine;

/// <summary>
/// Buttons that act at once rather than open a conversation (invite links, approvals, assignment…); their commands
/// are declared as <see cref="EntryRoute"/>s like every other. They never touch the open flow's state; authorization
/// is checked server-side in every handler.
/// </summary>
public interface IActionHandler
{
    /// <summary>Callback-data prefixes handled ("iv:", "as:").</summary>
    IReadOnlyList<string> ButtonPrefixes { get; }

    Task HandleAsync(TurnContext context);
}
