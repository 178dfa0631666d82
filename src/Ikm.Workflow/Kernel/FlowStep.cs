using Ikm.Workflow.Messaging;
using Stateless;

namespace Ikm.Workflow.Kernel;

/// <summary>
/// One state of a flow, configured in the flow's <c>Configure</c> block: what it asks on entry, which input fires which
/// trigger, where each trigger leads, what happens on the way in. Transitions and entry actions are Stateless' own
/// (the exported diagram shows them); the input routes are the kernel's, so no flow switches on its state again.
/// </summary>
public sealed class FlowStep<TState, TTrigger, TDraft>
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TDraft : class
{
    private readonly StateMachine<TState, TTrigger>.StateConfiguration _state;
    private readonly FlowTurn<TDraft> _turn;
    private readonly ChoiceCodec _choices;
    private readonly List<Func<StateMachine<TState, TTrigger>, Task<bool>>> _routes = [];
    private Func<FlowTurn<TDraft>, Task>? _prompt;
    private string? _promptDescription;
    private Func<FlowTurn<TDraft>, Task>? _help;
    private Func<FlowTurn<TDraft>, Task>? _otherwise;
    private Func<StateMachine<TState, TTrigger>, Task<bool>>? _back;

    internal FlowStep(StateMachine<TState, TTrigger>.StateConfiguration state, FlowTurn<TDraft> turn, ChoiceCodec choices)
    {
        _state = state;
        _turn = turn;
        _choices = choices;
    }

    internal bool IsTerminal { get; private set; }

    // ── What the step says ────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// The question of this step: asked on every entry — after the step's other entry actions, whatever the order
    /// they are written in, so it sees what they stored — and again as the step's help.
    /// </summary>
    public FlowStep<TState, TTrigger, TDraft> Prompt(Func<FlowTurn<TDraft>, Task> ask, string description)
    {
        _prompt = ask;
        _promptDescription = description;
        return this;
    }

    public FlowStep<TState, TTrigger, TDraft> Prompt(Action<FlowTurn<TDraft>> ask, string description) =>
        Prompt(Sync(ask), description);

    /// <summary>What /bantuan and unreadable input get at this step, when it is not simply the prompt again.</summary>
    public FlowStep<TState, TTrigger, TDraft> Help(Func<FlowTurn<TDraft>, Task> help)
    {
        _help = help;
        return this;
    }

    public FlowStep<TState, TTrigger, TDraft> Help(Action<FlowTurn<TDraft>> help) => Help(Sync(help));

    /// <summary>Input no route of this step reads (the default: a stale-button note for a button, the help otherwise).</summary>
    public FlowStep<TState, TTrigger, TDraft> Otherwise(Func<FlowTurn<TDraft>, Task> answer)
    {
        _otherwise = answer;
        return this;
    }

    public FlowStep<TState, TTrigger, TDraft> Otherwise(Action<FlowTurn<TDraft>> answer) => Otherwise(Sync(answer));

    /// <summary>/kembali at this step fires <paramref name="trigger"/> (back to the previous step).</summary>
    public FlowStep<TState, TTrigger, TDraft> Back(TTrigger trigger)
    {
        _back = machine => Fire(machine.FireAsync(trigger));
        return this;
    }

    /// <summary>/kembali inside the step (a questionnaire's previous question): true when it went back.</summary>
    public FlowStep<TState, TTrigger, TDraft> Back(Func<FlowTurn<TDraft>, bool> back) => Back(turn => Task.FromResult(back(turn)));

    public FlowStep<TState, TTrigger, TDraft> Back(Func<FlowTurn<TDraft>, Task<bool>> back)
    {
        _back = _ => back(_turn);
        return this;
    }

    // ── Input → trigger ───────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>A press of the button built with <see cref="FlowTurn{TDraft}.Button{TChoice}"/> for <paramref name="choice"/>.</summary>
    public FlowStep<TState, TTrigger, TDraft> OnChoice<TChoice>(TChoice choice, TTrigger trigger) where TChoice : struct, Enum =>
        Route(machine => _choices.TryDecode<TChoice>(_turn.Message.ButtonData, out var pressed) && pressed.Equals(choice)
            ? Fire(machine.FireAsync(trigger)) : NotMine);

    /// <summary>A typed line of text (already checked by the engine: not empty, not too long), trimmed.</summary>
    public FlowStep<TState, TTrigger, TDraft> OnText(StateMachine<TState, TTrigger>.TriggerWithParameters<string> trigger) =>
        Route(machine => _turn.Message is { Kind: IncomingKind.Text, Text: { } text }
            ? Fire(machine.FireAsync(trigger, text.Trim())) : NotMine);

    /// <summary>Typed text read by <paramref name="read"/>: a value fires <paramref name="trigger"/>, a refusal is replied.</summary>
    public FlowStep<TState, TTrigger, TDraft> OnText<TValue>(
        Func<FlowTurn<TDraft>, string, Task<Read<TValue>>> read,
        StateMachine<TState, TTrigger>.TriggerWithParameters<TValue> trigger) =>
        Route(async machine =>
        {
            if (_turn.Message is not { Kind: IncomingKind.Text, Text: { } text }) return false;
            await FireOrRefuse(machine, trigger, await read(_turn, text.Trim()));
            return true;
        });

    public FlowStep<TState, TTrigger, TDraft> OnText<TValue>(
        Func<FlowTurn<TDraft>, string, Read<TValue>> read,
        StateMachine<TState, TTrigger>.TriggerWithParameters<TValue> trigger) =>
        OnText((turn, text) => Task.FromResult(read(turn, text)), trigger);

    /// <summary>A button of <paramref name="kind"/> (an IKM id…), its id read back by <paramref name="read"/>, which also checks it on the server.</summary>
    public FlowStep<TState, TTrigger, TDraft> OnButton<TValue>(
        ButtonKind<ButtonKind.Id> kind,
        Func<FlowTurn<TDraft>, string, Task<Read<TValue>>> read,
        StateMachine<TState, TTrigger>.TriggerWithParameters<TValue> trigger) =>
        Route(async machine =>
        {
            if (kind.Decode(_turn.Message.ButtonData) is not { } pressed) return false;
            await FireOrRefuse(machine, trigger, await read(_turn, pressed.Value));
            return true;
        });

    /// <summary>
    /// A button of <paramref name="kind"/> read by <paramref name="read"/>; its value is settled into the draft by
    /// <paramref name="settle"/> before <paramref name="trigger"/> fires, so one trigger serves every destination it may lead to.
    /// </summary>
    public FlowStep<TState, TTrigger, TDraft> OnButton<TValue>(
        ButtonKind<ButtonKind.Id> kind,
        Func<FlowTurn<TDraft>, string, Task<Read<TValue>>> read,
        Action<FlowTurn<TDraft>, TValue> settle,
        TTrigger trigger) =>
        Route(async machine =>
        {
            if (kind.Decode(_turn.Message.ButtonData) is not { } pressed) return false;
            var value = await read(_turn, pressed.Value);
            if (!value.IsValue)
            {
                _turn.Reply(value.Refusal!, value.Buttons);
                return true;
            }

            settle(_turn, value.Value!);
            await machine.FireAsync(trigger);
            return true;
        });

    public FlowStep<TState, TTrigger, TDraft> OnLocation(StateMachine<TState, TTrigger>.TriggerWithParameters<GeoPoint> trigger) =>
        Route(machine => _turn.Message.Location is { } point ? Fire(machine.FireAsync(trigger, point)) : NotMine);

    /// <summary>A shared location read by <paramref name="read"/> (e.g. measured against the production house).</summary>
    public FlowStep<TState, TTrigger, TDraft> OnLocation<TValue>(
        Func<FlowTurn<TDraft>, GeoPoint, Task<Read<TValue>>> read,
        StateMachine<TState, TTrigger>.TriggerWithParameters<TValue> trigger) =>
        Route(async machine =>
        {
            if (_turn.Message.Location is not { } point) return false;
            await FireOrRefuse(machine, trigger, await read(_turn, point));
            return true;
        });

    /// <summary>A photo read by <paramref name="read"/> (with what its trigger's action needs loaded).</summary>
    public FlowStep<TState, TTrigger, TDraft> OnPhoto<TValue>(
        Func<FlowTurn<TDraft>, string, Task<Read<TValue>>> read,
        StateMachine<TState, TTrigger>.TriggerWithParameters<TValue> trigger) =>
        Route(async machine =>
        {
            if (_turn.Message.PhotoFileId is not { } fileId) return false;
            await FireOrRefuse(machine, trigger, await read(_turn, fileId));
            return true;
        });

    /// <summary>A photo, by the channel's file id.</summary>
    public FlowStep<TState, TTrigger, TDraft> OnPhoto(StateMachine<TState, TTrigger>.TriggerWithParameters<string> trigger) =>
        Route(machine => _turn.Message.PhotoFileId is { } fileId ? Fire(machine.FireAsync(trigger, fileId)) : NotMine);

    /// <summary>
    /// Every input goes to <paramref name="answer"/> (a questionnaire step: its runner reads the answer, asks again or
    /// the next question); when it says the step is complete, <paramref name="completed"/> fires.
    /// </summary>
    public FlowStep<TState, TTrigger, TDraft> OnAnswer(Func<FlowTurn<TDraft>, Task<bool>> answer, TTrigger completed) =>
        Route(async machine =>
        {
            if (await answer(_turn)) await machine.FireAsync(completed);
            return true;
        });

    public FlowStep<TState, TTrigger, TDraft> OnAnswer(Func<FlowTurn<TDraft>, bool> answer, TTrigger completed) =>
        OnAnswer(turn => Task.FromResult(answer(turn)), completed);

    // ── Transitions (Stateless) ───────────────────────────────────────────────────────────────────────────────────

    public FlowStep<TState, TTrigger, TDraft> Permit(TTrigger trigger, TState destination)
    {
        _state.Permit(trigger, destination);
        return this;
    }

    public FlowStep<TState, TTrigger, TDraft> PermitIf(TTrigger trigger, TState destination, Func<TDraft, bool> guard, string description)
    {
        _state.PermitIf(trigger, destination, () => guard(_turn.Draft), description);
        return this;
    }

    public FlowStep<TState, TTrigger, TDraft> PermitIf<TArg>(
        StateMachine<TState, TTrigger>.TriggerWithParameters<TArg> trigger, TState destination, Func<TArg, bool> guard, string description)
    {
        _state.PermitIf(trigger, destination, guard, description);
        return this;
    }

    public FlowStep<TState, TTrigger, TDraft> PermitIf<TArg>(
        StateMachine<TState, TTrigger>.TriggerWithParameters<TArg> trigger, TState destination, Func<TDraft, TArg, bool> guard, string description)
    {
        _state.PermitIf(trigger, destination, argument => guard(_turn.Draft, argument), description);
        return this;
    }

    /// <summary>The step is left and entered again while <paramref name="guard"/> holds (the next area of the same questions): its entry actions and prompt run anew.</summary>
    public FlowStep<TState, TTrigger, TDraft> PermitReentryIf(TTrigger trigger, Func<TDraft, bool> guard, string description)
    {
        _state.PermitReentryIf(trigger, () => guard(_turn.Draft), description);
        return this;
    }

    /// <summary>The trigger is handled in this step without leaving it (no entry action, no prompt) while <paramref name="guard"/> holds: a photo added to the visit.</summary>
    /// <remarks>Synchronous because only Stateless' synchronous internal transitions carry a guard description; read what the action needs in the step's reader.</remarks>
    public FlowStep<TState, TTrigger, TDraft> StaysIf<TArg>(
        StateMachine<TState, TTrigger>.TriggerWithParameters<TArg> trigger, Func<TDraft, bool> guard, Action<FlowTurn<TDraft>, TArg> action, string description)
    {
        _state.InternalTransitionIf(trigger, _ => guard(_turn.Draft), (argument, _) => action(_turn, argument), description);
        return this;
    }

    /// <summary>Runs on every entry, whichever trigger led here (before the prompt).</summary>
    public FlowStep<TState, TTrigger, TDraft> OnEntry(Action<FlowTurn<TDraft>> action, string description)
    {
        _state.OnEntry(() => action(_turn), description);
        return this;
    }

    public FlowStep<TState, TTrigger, TDraft> OnEntryFrom(TTrigger trigger, Func<FlowTurn<TDraft>, Task> action, string description)
    {
        _state.OnEntryFromAsync(trigger, () => action(_turn), description);
        return this;
    }

    public FlowStep<TState, TTrigger, TDraft> OnEntryFrom(TTrigger trigger, Action<FlowTurn<TDraft>> action, string description) =>
        OnEntryFrom(trigger, Sync(action), description);

    public FlowStep<TState, TTrigger, TDraft> OnEntryFrom<TArg>(
        StateMachine<TState, TTrigger>.TriggerWithParameters<TArg> trigger, Func<FlowTurn<TDraft>, TArg, Task> action, string description)
    {
        _state.OnEntryFromAsync(trigger, argument => action(_turn, argument), description);
        return this;
    }

    public FlowStep<TState, TTrigger, TDraft> OnEntryFrom<TArg>(
        StateMachine<TState, TTrigger>.TriggerWithParameters<TArg> trigger, Action<FlowTurn<TDraft>, TArg> action, string description) =>
        OnEntryFrom(trigger, (turn, argument) => { action(turn, argument); return Task.CompletedTask; }, description);

    /// <summary>A terminal state: once the machine rests here the conversation leaves the flow and its draft is dropped.</summary>
    public FlowStep<TState, TTrigger, TDraft> Ends()
    {
        IsTerminal = true;
        return this;
    }

    // ── Used by the kernel ────────────────────────────────────────────────────────────────────────────────────────

    internal async Task RouteAsync(StateMachine<TState, TTrigger> machine)
    {
        foreach (var route in _routes)
            if (await route(machine)) return;
        await (_otherwise ?? Unreadable)(_turn);
    }

    /// <summary>Called once the flow's Configure block has run: the prompt becomes the last entry action.</summary>
    internal void Seal()
    {
        if (_prompt is { } ask) _state.OnEntryAsync(() => ask(_turn), _promptDescription);
    }

    internal Task HelpAsync() => (_help ?? _prompt ?? GeneralHelp)(_turn);

    internal Task<bool> TryBackAsync(StateMachine<TState, TTrigger> machine) => _back?.Invoke(machine) ?? NotMine;

    internal bool HasHelp => _help is not null || _prompt is not null;

    private Task Unreadable(FlowTurn<TDraft> turn)
    {
        if (turn.Message.Kind == IncomingKind.Button)
        {
            turn.Reply(turn.T(Texts.CommonTexts.StaleButton));
            return Task.CompletedTask;
        }

        return HelpAsync();
    }

    private async Task FireOrRefuse<TValue>(StateMachine<TState, TTrigger> machine, StateMachine<TState, TTrigger>.TriggerWithParameters<TValue> trigger, Read<TValue> read)
    {
        if (read.IsValue)
        {
            await machine.FireAsync(trigger, read.Value!);
            return;
        }

        // A refused button (forged, no longer allowed) gets its reason only, like a stale one; a refusal that offers its
        // own choices is the question; any other refusal is said before the question again, in one message.
        if (_turn.Message.Kind == IncomingKind.Button || read.Buttons is not null || !HasHelp)
        {
            _turn.Reply(read.Refusal!, read.Buttons);
            return;
        }

        _turn.Context.PrefaceNextReply(read.Refusal!);
        await HelpAsync();
        _turn.Context.FlushPreface();
    }

    private FlowStep<TState, TTrigger, TDraft> Route(Func<StateMachine<TState, TTrigger>, Task<bool>> route)
    {
        _routes.Add(route);
        return this;
    }

    private static async Task<bool> Fire(Task firing)
    {
        await firing;
        return true;
    }

    private static Task GeneralHelp(FlowTurn<TDraft> turn)
    {
        turn.Reply(turn.T(Texts.CommonTexts.EngineCommands));
        return Task.CompletedTask;
    }

    private static readonly Task<bool> NotMine = Task.FromResult(false);

    private static Func<FlowTurn<TDraft>, Task> Sync(Action<FlowTurn<TDraft>> action) =>
        turn => { action(turn); return Task.CompletedTask; };
}
