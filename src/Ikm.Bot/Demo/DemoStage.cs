using Ikm.Workflow.Messaging;

namespace Ikm.Bot.Demo;

/// <summary>What a scripted user did, at the simulated instant, as the transcript shows it.</summary>
public sealed record UserAction(DateTimeOffset At, long UserId, string Shown);

/// <summary>
/// The stage the scripted users act on: the running host, the clock, and the log of what they did. Every update goes
/// through the bot's one intake, as a channel's would; the next action waits until the bot's answers were delivered.
/// </summary>
public sealed class DemoStage(DemoHost host, DemoClock clock)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);
    private readonly List<UserAction> _actions = [];
    private long _updateId;

    public DemoClock Clock { get; } = clock;
    public DemoHost Host { get; } = host;
    public RecordingSender Sender => Host.Sender;
    public IReadOnlyList<UserAction> Actions => _actions;

    public async Task SubmitAsync(DemoUser user, IncomingMessage message, string shown)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(message);
        Clock.MoveTo(Clock.GetUtcNow() + DemoUser.AnswerTime);
        _actions.Add(new UserAction(Clock.GetUtcNow(), user.Id, shown));
        var outcome = await Host.Intake.SubmitAsync(message with { UpdateId = ++_updateId }, CancellationToken.None);
        if (outcome.Failed > 0)
            throw new InvalidOperationException($"The bot recorded user {user.Id}'s update as failed.");
        await SettleAsync();
    }

    /// <summary>Waits until every message due now was delivered.</summary>
    public Task SettleAsync() => Host.Ledger.WhenSettledAsync(DeliveryTimeout);
}
