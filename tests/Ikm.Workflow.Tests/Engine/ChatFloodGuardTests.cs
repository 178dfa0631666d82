using Ikm.Workflow.Engine;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Workflow.Tests.Engine;

public sealed class ChatFloodGuardTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
    private readonly ChatFloodGuard _guard;

    public ChatFloodGuardTests() =>
        _guard = new ChatFloodGuard(_time, Options.Create(new BotOptions { FloodLimit = 20, FloodWindowSeconds = 10 }));

    private List<FloodVerdict> Send(long chat, long firstUpdate, int count, TimeSpan? every = null)
    {
        var verdicts = new List<FloodVerdict>(count);
        for (var i = 0; i < count; i++)
        {
            verdicts.Add(_guard.Check(chat, firstUpdate + i));
            if (every is { } step)
                _time.Advance(step);
        }
        return verdicts;
    }

    [Fact]
    public void Check_ServesTheLimit_ThenOneNotice_ThenSkips_WithinAWindow()
    {
        var verdicts = Send(1, 1, 300, TimeSpan.FromMilliseconds(10));

        Assert.Equal(Enumerable.Repeat(FloodVerdict.Serve, 20), verdicts.Take(20));
        Assert.Equal(FloodVerdict.Notice, verdicts[20]);
        Assert.All(verdicts.Skip(21), v => Assert.Equal(FloodVerdict.Skip, v));
    }

    [Fact]
    public void Check_ServesAgain_OnceTheWindowHasPassed()
    {
        Send(1, 1, 25);

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(FloodVerdict.Serve, _guard.Check(1, 100));
    }

    [Fact]
    public void Check_CountsEachChatApart()
    {
        Send(1, 1, 25);

        Assert.Equal(Enumerable.Repeat(FloodVerdict.Serve, 20), Send(2, 1, 20));
    }

    [Fact]
    public void Check_GivesTheSameVerdictAgain_WhenAnUpdateIsCheckedTwice()
    {
        Send(1, 1, 30);

        // A chat run again after a write conflict, or a batch redelivered after an outage, asks for the same updates.
        Assert.Equal(FloodVerdict.Serve, _guard.Check(1, 5));
        Assert.Equal(FloodVerdict.Notice, _guard.Check(1, 21));
        Assert.Equal(FloodVerdict.Skip, _guard.Check(1, 22));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(Enumerable.Repeat(FloodVerdict.Serve, 20), Send(1, 100, 20));
    }

    [Fact]
    public void Check_NeverServesMoreThanTheLimitNorNoticesTwice_InAnyWindow_UnderAContinuousFlood()
    {
        var served = new List<DateTimeOffset>();
        var notices = new List<DateTimeOffset>();
        for (var i = 0; i < 30 * 60; i++)
        {
            var verdict = _guard.Check(1, i);
            if (verdict == FloodVerdict.Serve) served.Add(_time.GetUtcNow());
            if (verdict == FloodVerdict.Notice) notices.Add(_time.GetUtcNow());
            _time.Advance(TimeSpan.FromSeconds(1.0 / 30));
        }

        var window = TimeSpan.FromSeconds(10);
        Assert.All(served, t => Assert.True(served.Count(s => s >= t && s < t + window) <= 20));
        Assert.All(notices, t => Assert.Equal(1, notices.Count(n => n >= t && n < t + window)));
        // Throttled, not shut out: over a minute the chat is served at its limit's rate.
        Assert.InRange(served.Count, 6 * 20 - 20, 6 * 20 + 20);
    }

    [Fact]
    public void TrackedChats_ForgetsChatsIdleForAWindow()
    {
        for (var chat = 1; chat <= 10_000; chat++)
            _guard.Check(chat, 1);
        Assert.Equal(10_000, _guard.TrackedChats);

        _time.Advance(TimeSpan.FromSeconds(10));
        _guard.Check(20_000, 1);

        Assert.Equal(1, _guard.TrackedChats);
    }
}
