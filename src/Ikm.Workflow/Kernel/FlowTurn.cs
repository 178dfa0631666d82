using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Kernel;

/// <summary>
/// What a flow's actions see of one update: the turn (message, member, clock, domain access, replies) and the flow's
/// typed draft. Actions never touch the conversation's state; they change the draft, stage documents, reply, and may
/// ask for one follow-up trigger (<see cref="Then{TTrigger}"/>), fired by the kernel once the current one is done.
/// </summary>
public sealed class FlowTurn<TDraft>(TurnContext context, TDraft draft, ChoiceCodec choices)
    where TDraft : class
{
    private Enum? _followUp;
    private Func<TurnContext, Task>? _handOff;

    public TurnContext Context { get; } = context;
    public TDraft Draft { get; } = draft;
    public IncomingMessage Message => Context.Message;
    public DateTimeOffset Now => Context.Now;
    public ChatWork Work => Context.Work;
    public string Language => Context.Language;

    public string T(Text text) => Context.T(text);

    public string T(Text text, params object[] args) => Context.T(text, args);

    public void Reply(
        string text,
        IReadOnlyList<IReadOnlyList<Button>>? buttons = null,
        IReadOnlyList<IReadOnlyList<KeyboardKey>>? keyboard = null,
        bool removeKeyboard = false) =>
        Context.Reply(text, buttons, keyboard, removeKeyboard);

    /// <summary>A button whose press the flow's steps read back as <paramref name="choice"/>.</summary>
    public Button Button<TChoice>(Text label, TChoice choice) where TChoice : struct, Enum =>
        new(T(label), choices.Encode(choice));

    /// <summary>
    /// Fires <paramref name="trigger"/> after the running transition completes: how an action that finds nothing to
    /// do (no IKM assigned, an open visit) moves the machine, instead of closing the conversation itself.
    /// </summary>
    public void Then<TTrigger>(TTrigger trigger) where TTrigger : struct, Enum
    {
        if (_followUp is not null)
            throw new InvalidOperationException($"A follow-up trigger ({_followUp}) is already queued; an action asks for one at most.");
        _followUp = trigger;
    }

    /// <summary>
    /// Opens another flow once this one has settled (a retro visit's logbook continues in the check-out flow): the
    /// next flow starts from a clean conversation instead of inside this flow's transition.
    /// </summary>
    public void HandOff(Func<TurnContext, Task> next)
    {
        if (_handOff is not null) throw new InvalidOperationException("A hand-off is already queued; a turn hands off to one flow at most.");
        _handOff = next;
    }

    internal Func<TurnContext, Task>? TakeHandOff()
    {
        var next = _handOff;
        _handOff = null;
        return next;
    }

    internal TTrigger? TakeFollowUp<TTrigger>() where TTrigger : struct, Enum
    {
        var next = _followUp;
        _followUp = null;
        return next is null ? null : (TTrigger)next;
    }
}
