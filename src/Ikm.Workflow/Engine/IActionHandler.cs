namespace Ikm.Workflow.Engine;

/// <summary>
/// Buttons and commands that act at once rather than open a conversation (invite links, approvals, assignment…).
/// They never touch the open flow's state; authorization is checked server-side in every handler.
/// </summary>
public interface IActionHandler
{
    /// <summary>Callback-data prefixes handled ("iv:", "as:").</summary>
    IReadOnlyList<string> ButtonPrefixes { get; }

    /// <summary>Command words handled, without the slash ("undang").</summary>
    IReadOnlyList<string> Commands { get; }

    Task HandleAsync(TurnContext context);
}
