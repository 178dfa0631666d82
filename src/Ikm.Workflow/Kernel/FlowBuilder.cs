using Stateless;

namespace Ikm.Workflow.Kernel;

/// <summary>
/// What a flow's <c>Configure</c> block writes on: its steps and its parameterized triggers. Built around one turn,
/// so the actions it is given run against that turn and nothing of it outlives the message.
/// </summary>
public sealed class FlowBuilder<TState, TTrigger, TDraft>
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TDraft : class
{
    private readonly Dictionary<TState, FlowStep<TState, TTrigger, TDraft>> _steps = [];
    private readonly Dictionary<TTrigger, object> _parameterized = [];
    private readonly FlowTurn<TDraft> _turn;
    private readonly ChoiceCodec _choices;

    internal FlowBuilder(StateMachine<TState, TTrigger> machine, FlowTurn<TDraft> turn, ChoiceCodec choices)
    {
        Machine = machine;
        _turn = turn;
        _choices = choices;
    }

    internal StateMachine<TState, TTrigger> Machine { get; }

    public FlowStep<TState, TTrigger, TDraft> Step(TState state)
    {
        if (!_steps.TryGetValue(state, out var step))
            _steps[state] = step = new FlowStep<TState, TTrigger, TDraft>(Machine.Configure(state), _turn, _choices);
        return step;
    }

    /// <summary>A trigger that carries what the input said (the text, the location, the chosen IKM).</summary>
    public StateMachine<TState, TTrigger>.TriggerWithParameters<TArg> Trigger<TArg>(TTrigger trigger)
    {
        if (_parameterized.TryGetValue(trigger, out var known))
            return (StateMachine<TState, TTrigger>.TriggerWithParameters<TArg>)known;
        var created = Machine.SetTriggerParameters<TArg>(trigger);
        _parameterized[trigger] = created;
        return created;
    }

    internal void Seal()
    {
        foreach (var step in _steps.Values) step.Seal();
    }

    internal FlowStep<TState, TTrigger, TDraft>? Current => _steps.GetValueOrDefault(Machine.State);

    internal bool IsTerminal(TState state) => _steps.GetValueOrDefault(state)?.IsTerminal ?? false;
}
