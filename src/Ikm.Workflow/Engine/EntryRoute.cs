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

    /// <summary>Command words, without the slash ("checkin").</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];

    /// <summary>The flow this route continues when it is the one open: no "leave the open flow?" question then.</summary>
    public string? Continues { get; init; }
}

/// <summary>A flow or view that declares its own ways in.</summary>
public interface IRouteOwner
{
    IEnumerable<EntryRoute> Routes { get; }
}
