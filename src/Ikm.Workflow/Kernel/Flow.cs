using System.Text.Json;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Texts;
using Stateless;
using Stateless.Reflection;

namespace Ikm.Workflow.Kernel;

/// <summary>
/// The one way to write a conversation. A flow declares its steps in <see cref="Configure"/>; the kernel rebuilds
/// the Stateless machine around the stored state on every message, routes the input to the trigger the current step
/// declared for it, answers unreadable input and unhandled triggers with the step's help, keeps the typed draft, and
/// leaves the flow once a terminal step is reached. No flow writes its state.
/// </summary>
public abstract class Flow<TState, TTrigger, TDraft> : IFlow
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TDraft : class, new()
{
    /// <summary>Follow-ups a single message may chain (an action that asks for another trigger…); a loop is a bug.</summary>
    private const int MaxFollowUps = 8;

    private readonly ChoiceCodec _choices;

    protected Flow(string buttonPrefix) => _choices = new ChoiceCodec(buttonPrefix);

    /// <summary>Stored in Conversation.Flow; never rename once shipped.</summary>
    public abstract string Name { get; }

    /// <summary>Where the machine stands before the flow begins (and for a stored state this version does not know).</summary>
    protected abstract TState Idle { get; }

    /// <summary>What <see cref="StartAsync"/> fires from <see cref="Idle"/>.</summary>
    protected abstract TTrigger Start { get; }

    protected ChoiceCodec Choices => _choices;

    protected abstract void Configure(FlowBuilder<TState, TTrigger, TDraft> flow);

    /// <summary>Fires <see cref="Start"/> from <see cref="Idle"/>; a flow whose start depends on stored facts (an open visit…) overrides it to fire the trigger that says so.</summary>
    public virtual Task StartAsync(TurnContext context) => BeginAsync(context, Start);

    /// <summary>
    /// Asked on the server before each message is routed: a trigger to fire instead when this user may no longer go on
    /// in the flow (a coordinator who lost the role half-way). Null, the default, routes the message.
    /// </summary>
    protected virtual TTrigger? Interruption(TurnContext context) => null;

    public Task HandleAsync(TurnContext context) =>
        RunAsync(context, StoredDraft(context), async flow =>
        {
            if (Interruption(context) is { } interrupted) await flow.Machine.FireAsync(interrupted);
            else if (flow.Current is { } step) await step.RouteAsync(flow.Machine);
            else context.Reply(context.T(CommonTexts.EngineCommands));
        });

    public Task HelpAsync(TurnContext context) =>
        RunAsync(context, StoredDraft(context), flow => flow.Current is { HasHelp: true } step ? step.HelpAsync() : Task.CompletedTask);

    public async Task<bool> BackAsync(TurnContext context)
    {
        var went = false;
        await RunAsync(context, StoredDraft(context), async flow => went = flow.Current is { } step && await step.TryBackAsync(flow.Machine));
        return went;
    }

    public StateMachineInfo Describe()
    {
        var context = TurnContextFactory.ForDiagram("");
        return Build(context, new FlowTurn<TDraft>(context, new TDraft(), _choices)).Machine.GetInfo();
    }

    /// <summary>Opens the flow afresh at <see cref="Idle"/> and fires <paramref name="trigger"/>: the way in for every entry point.</summary>
    protected Task BeginAsync(TurnContext context, TTrigger trigger, TDraft? draft = null)
    {
        Open(context);
        return RunAsync(context, draft ?? new TDraft(), flow => flow.Machine.FireAsync(trigger));
    }

    protected Task BeginAsync<TArg>(TurnContext context, TTrigger trigger, TArg argument, TDraft? draft = null)
    {
        Open(context);
        return RunAsync(context, draft ?? new TDraft(), flow => flow.Machine.FireAsync(flow.Trigger<TArg>(trigger), argument));
    }

    /// <summary>The draft this chat left in the flow (after /batal or a restart), or a new one.</summary>
    protected TDraft StoredDraft(TurnContext context) =>
        context.Conversation.Data.GetValueOrDefault(DraftKey) is { } json
            ? JsonSerializer.Deserialize<TDraft>(json) ?? new TDraft()
            : ImportEarlierDraft(context.Conversation.Data) ?? new TDraft();

    /// <summary>
    /// What an earlier version of the flow kept in the conversation's data before it had a typed draft, moved into one
    /// (and removed from the data), so that a conversation stored before an upgrade resumes with its answers.
    /// </summary>
    protected virtual TDraft? ImportEarlierDraft(IDictionary<string, string> data) => null;

    /// <summary>
    /// The draft lives in the conversation, as JSON under the flow's name: typed for the flow, one field for the
    /// stores, and kept when the user leaves with /batal so that the flow can resume it.
    /// </summary>
    private string DraftKey => "draft:" + Name;

    private void Open(TurnContext context)
    {
        context.Conversation.Flow = Name;
        context.Conversation.State = "";
    }

    private async Task RunAsync(TurnContext context, TDraft draft, Func<FlowBuilder<TState, TTrigger, TDraft>, Task> act)
    {
        var turn = new FlowTurn<TDraft>(context, draft, _choices);
        var flow = Build(context, turn);
        await act(flow);
        for (var chained = 0; turn.TakeFollowUp<TTrigger>() is { } next; chained++)
        {
            if (chained == MaxFollowUps) throw new InvalidOperationException($"Flow {Name} chained more than {MaxFollowUps} follow-up triggers.");
            await flow.Machine.FireAsync(next);
        }

        Settle(context, flow, draft);
        if (turn.TakeHandOff() is { } handOff) await handOff(context);
    }

    private void Settle(TurnContext context, FlowBuilder<TState, TTrigger, TDraft> flow, TDraft draft)
    {
        if (context.Conversation.Flow != Name)
        {
            // An action left the flow (closed it, or opened another): what was being drafted here is over.
            context.Conversation.Data.Remove(DraftKey);
            return;
        }

        if (flow.IsTerminal(flow.Machine.State))
        {
            context.Conversation.CloseFlow();
            context.Conversation.Data.Remove(DraftKey);
            return;
        }

        // An untouched draft is not stored: a conversation holds only what the user has actually said.
        var json = JsonSerializer.Serialize(draft);
        if (json == JsonSerializer.Serialize(new TDraft())) context.Conversation.Data.Remove(DraftKey);
        else context.Conversation.Data[DraftKey] = json;
    }

    private FlowBuilder<TState, TTrigger, TDraft> Build(TurnContext context, FlowTurn<TDraft> turn)
    {
        var machine = new StateMachine<TState, TTrigger>(
            () => Enum.TryParse<TState>(context.Conversation.State, out var stored) && Enum.IsDefined(stored) ? stored : Idle,
            state => context.Conversation.State = state.ToString(),
            FiringMode.Queued);
        var flow = new FlowBuilder<TState, TTrigger, TDraft>(machine, turn, _choices);
        Configure(flow);
        flow.Seal();
        machine.OnUnhandledTriggerAsync((_, _) => flow.Current is { HasHelp: true } step ? step.HelpAsync() : Task.CompletedTask);
        return flow;
    }
}
