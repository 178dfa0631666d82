using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Workflow.Tests.Engine;

public sealed class QuietHoursTests
{
    private static readonly ProgramCalendar Wita = new("Asia/Makassar"); // UTC+8
    private static readonly ProgramCalendar Wit = new("Asia/Jayapura"); // UTC+9
    private static readonly DateOnly Day = new(2026, 11, 23); // a Monday

    private readonly InMemoryStore _store = new();
    private readonly RecordingNotifier _notifier = new();
    private readonly FakeTimeProvider _time = new();

    private NotificationWriter Writer(QuietHours? quiet = null) =>
        new(_store, _notifier, _time, Options.Create(quiet ?? new QuietHours()));

    private static OutgoingMessage Reminder(string id = "reminder:c1:7:2026-W48") => new() { Id = id, ChatId = 7, Text = "Pengingat" };

    public static TheoryData<string, int, int, int, int, int?> Boundaries() => new()
    {
        // zone, local hour, minute written → expected NotBefore as local day offset, hour (null = not held)
        { "Asia/Makassar", 20, 59, 0, 0, null },
        { "Asia/Makassar", 21, 0, 1, 6, 0 },
        { "Asia/Makassar", 5, 59, 0, 6, 0 },
        { "Asia/Makassar", 6, 0, 0, 0, null },
        { "Asia/Jayapura", 20, 59, 0, 0, null },
        { "Asia/Jayapura", 21, 0, 1, 6, 0 },
        { "Asia/Jayapura", 5, 59, 0, 6, 0 },
        { "Asia/Jayapura", 6, 0, 0, 0, null },
        { "Asia/Jayapura", 23, 59, 1, 6, 0 },
        { "Asia/Jayapura", 0, 0, 0, 6, 0 },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task WriteAsync_HoldsUntilSixLocal_OnlyInsideNineToSix(string zone, int hour, int minute, int dayOffset, int heldHour, int? heldMinute)
    {
        var calendar = new ProgramCalendar(zone);
        var now = calendar.ToUtc(Day, new TimeOnly(hour, minute));
        _time.SetUtcNow(now);

        await Writer().WriteAsync([Reminder()], calendar, CancellationToken.None);

        var written = Assert.Single(_store.Outbox).Message;
        if (heldMinute is null)
        {
            Assert.Null(written.NotBefore);
        }
        else
        {
            var expected = calendar.ToUtc(Day.AddDays(dayOffset), new TimeOnly(heldHour, heldMinute.Value));
            Assert.Equal(expected, written.NotBefore);
            Assert.Equal(new TimeOnly(6, 0), TimeOnly.FromDateTime(calendar.ToLocal(written.NotBefore!.Value).DateTime));
        }

        Assert.Equal(written, Assert.Single(_notifier.Messages));
    }

    [Fact]
    public async Task WriteAsync_UsesTheRecipientsZone_SameInstantHeldInWitNotInWita()
    {
        // 12:00 UTC = 20:00 WITA (not quiet) = 21:00 WIT (quiet).
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

        await Writer().WriteAsync([Reminder("a")], Wita, CancellationToken.None);
        await Writer().WriteAsync([Reminder("b")], Wit, CancellationToken.None);

        var byId = _store.Outbox.ToDictionary(e => e.Message.Id, e => e.Message);
        Assert.Null(byId["a"].NotBefore);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero), byId["b"].NotBefore); // 06:00 WIT on the 24th
    }

    [Fact]
    public async Task WriteAsync_HoldsAMessageScheduledIntoQuietHours()
    {
        _time.SetUtcNow(Wita.ToUtc(Day, new TimeOnly(10, 0)));
        var scheduled = Reminder() with { NotBefore = Wita.ToUtc(Day, new TimeOnly(22, 30)) };

        await Writer().WriteAsync([scheduled], Wita, CancellationToken.None);

        Assert.Equal(Wita.ToUtc(Day.AddDays(1), new TimeOnly(6, 0)), Assert.Single(_store.Outbox).Message.NotBefore);
    }

    [Fact]
    public async Task WriteAsync_KeepsAFutureNotBeforeOutsideQuietHours()
    {
        _time.SetUtcNow(Wita.ToUtc(Day, new TimeOnly(22, 0)));
        var later = Wita.ToUtc(Day.AddDays(1), new TimeOnly(7, 0));

        await Writer().WriteAsync([Reminder() with { NotBefore = later }], Wita, CancellationToken.None);

        Assert.Equal(later, Assert.Single(_store.Outbox).Message.NotBefore);
    }

    [Fact]
    public async Task WriteAsync_WithoutCalendar_NeverHolds()
    {
        _time.SetUtcNow(Wita.ToUtc(Day, new TimeOnly(23, 0)));

        await Writer().WriteAsync([Reminder()], CancellationToken.None);

        Assert.Null(Assert.Single(_store.Outbox).Message.NotBefore);
    }

    [Fact]
    public async Task WriteAsync_Twice_WritesOnce_EvenWhenHeld()
    {
        _time.SetUtcNow(Wita.ToUtc(Day, new TimeOnly(23, 0)));

        await Writer().WriteAsync([Reminder()], Wita, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        await Writer().WriteAsync([Reminder()], Wita, CancellationToken.None);

        Assert.Single(_store.Outbox);
        Assert.Single(_notifier.Messages);
    }

    [Fact]
    public async Task WriteAsync_ConfiguredWindow_NotCrossingMidnight()
    {
        var quiet = new QuietHours { Start = new TimeOnly(12, 0), End = new TimeOnly(13, 0) };
        _time.SetUtcNow(Wita.ToUtc(Day, new TimeOnly(12, 30)));

        await Writer(quiet).WriteAsync([Reminder("noon")], Wita, CancellationToken.None);
        _time.SetUtcNow(Wita.ToUtc(Day, new TimeOnly(22, 0)));
        await Writer(quiet).WriteAsync([Reminder("night")], Wita, CancellationToken.None);

        var byId = _store.Outbox.ToDictionary(e => e.Message.Id, e => e.Message);
        Assert.Equal(Wita.ToUtc(Day, new TimeOnly(13, 0)), byId["noon"].NotBefore);
        Assert.Null(byId["night"].NotBefore);
    }

    [Fact]
    public void QuietHours_StartEqualToEnd_IsOff()
    {
        var off = new QuietHours { Start = new TimeOnly(21, 0), End = new TimeOnly(21, 0) };
        var at = Wita.ToUtc(Day, new TimeOnly(23, 0));

        Assert.False(off.Enabled);
        Assert.Equal(at, off.NextAllowed(at, Wita));
    }

    [Fact]
    public void AddIkmWorkflow_RegistersDefaultsAndHonoursConfiguration()
    {
        static NotificationWriter Resolve(Action<IServiceCollection>? configure = null)
        {
            var services = new ServiceCollection()
                .AddIkmWorkflow()
                .AddSingleton<IBotStore>(new InMemoryStore())
                .AddSingleton<IOutboxNotifier>(new RecordingNotifier())
                .AddSingleton<TimeProvider>(new FakeTimeProvider());
            configure?.Invoke(services);
            return services.BuildServiceProvider().GetRequiredService<NotificationWriter>();
        }

        var message = Reminder();
        var at = Wita.ToUtc(Day, new TimeOnly(21, 30));
        Assert.Equal(Wita.ToUtc(Day.AddDays(1), new TimeOnly(6, 0)), Resolve().HoldForQuietHours(message, at, Wita).NotBefore);

        var configured = Resolve(s => s.Configure<QuietHours>(q => q.End = new TimeOnly(7, 30)));
        Assert.Equal(Wita.ToUtc(Day.AddDays(1), new TimeOnly(7, 30)), configured.HoldForQuietHours(message, at, Wita).NotBefore);
    }

    private sealed class RecordingNotifier : IOutboxNotifier
    {
        public List<OutgoingMessage> Messages { get; } = [];

        public void Notify(IReadOnlyList<OutgoingMessage> committed) => Messages.AddRange(committed);
    }
}
