using Ikm.Workflow.Members;

namespace Ikm.Workflow.Engine;

/// <summary>
/// A way into a flow or a view, declared by what it opens: the buttons (a menu button, and the data of earlier
/// buttons still in chats) and the command words that open it, and the role allowed to. The engine routes by these
/// declarations alone; it knows no concrete flow.
/// </summary>
public sealed record EntryRoute(MemberRole? Role, Func<TurnContext, Task> Open)
{
    /// <summary>Callback data that opens this route. A "menu:" button asks first before leaving another open flow.</summary>
    public IReadOnlyList<string> Buttons { get; init; } = [];

    /// <summary>Command words, without the slash: the Bahasa word first, then the English one if it differs ("ringkasan", "summary").</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];

    /// <summary>
    /// What the commands do, the line after the command word in /bantuan of the route's role (every role's when
    /// <see cref="Role"/> is null). A route with commands must say it: /bantuan is made from these lines, so it cannot drift.
    /// </summary>
    public Texts.Text? Help { get; init; }

    /// <summary>The flow this route continues when it is the one open: no "leave the open flow?" question then.</summary>
    public string? Continues { get; init; }
}

/// <summary>A flow or view that declares its own ways in.</summary>
public interface IRouteOwner
{
    IEnumerable<EntryRoute> Routes { get; }
}
