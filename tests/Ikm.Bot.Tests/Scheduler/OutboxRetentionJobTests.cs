using Hangfire;
using Hangfire.Storage;
using Ikm.Bot.Tests.Support;
using Ikm.Scheduler.Jobs;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Bot.Tests.Scheduler;

/// <summary>Delivered outbox rows and leftover generated files older than Retention:OutboxDays are purged by a daily job.</summary>
public sealed class OutboxRetentionJobTests
{
    [Fact]
    public async Task Run_PurgesDeliveredRowsAndLeftoverFiles_OlderThanTheOutboxDays_AndKeepsPendingAndRecentOnes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator,
            settings: new Dictionary<string, string?> { ["Retention:OutboxDays"] = "10" },
            services: s => s.AddSingleton<TimeProvider>(time));
        var files = bot.App.Services.GetRequiredService<IOutboxFiles>();
        await bot.Store.CommitAsync([new ChangeSet { Outgoing =
        [
            new OutgoingMessage { Id = "old-sent", ChatId = 5101, Text = "terkirim" },
            new OutgoingMessage { Id = "old-pending", ChatId = 5102, Text = "tertunda", NotBefore = time.GetUtcNow().AddYears(1) },
        ] }], CancellationToken.None);
        await bot.Store.MarkOutboxAsync([new OutboxUpdate("old-sent", OutboxStatus.Sent, 1, null, time.GetUtcNow(), 1)], CancellationToken.None);
        time.Advance(TimeSpan.FromDays(9));
        await bot.Store.CommitAsync([new ChangeSet { Outgoing = [new OutgoingMessage { Id = "recent-sent", ChatId = 5103, Text = "baru" }] }], CancellationToken.None);
        await bot.Store.MarkOutboxAsync([new OutboxUpdate("recent-sent", OutboxStatus.Sent, 1, null, time.GetUtcNow(), 2)], CancellationToken.None);
        time.Advance(TimeSpan.FromDays(2));
        var leftover = Write(files, "sisa.xlsx", time.GetUtcNow().AddDays(-11));
        var recentFile = Write(files, "baru.xlsx", time.GetUtcNow().AddDays(-9));

        await bot.App.Services.GetRequiredService<OutboxRetentionJob>().RunAsync(CancellationToken.None);

        Assert.Null(await bot.Store.GetOutboxEntryAsync("old-sent", CancellationToken.None));
        Assert.NotNull(await bot.Store.GetOutboxEntryAsync("old-pending", CancellationToken.None));
        Assert.NotNull(await bot.Store.GetOutboxEntryAsync("recent-sent", CancellationToken.None));
        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(recentFile));
    }

    [Fact]
    public async Task Registration_SchedulesTheOutboxRetention_Daily_NextToTheDraftRetention()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);

        using var connection = bot.App.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        Assert.Equal("45 2 * * *", jobs[OutboxRetentionJob.RecurringId].Cron);
        Assert.True(jobs.ContainsKey(DraftRetentionJob.RecurringId));
        Assert.Equal("* * * * *", jobs[ReportJob.RecurringId].Cron);
    }

    /// <summary>A generated file as a crash before its row would leave it, last written at <paramref name="at"/>.</summary>
    private static string Write(IOutboxFiles files, string name, DateTimeOffset at)
    {
        string path;
        using (var stream = files.Create(name, out path))
            stream.Write([1, 2, 3]);

        File.SetLastWriteTimeUtc(path, at.UtcDateTime);
        return path;
    }
}
