using Ikm.Bot.Tests.Support;
using Ikm.Scheduler.Jobs;
using Ikm.TestKit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Scheduler;

/// <summary>Reports are built by the report job, off the update path, from a request stored in the turn.</summary>
public sealed class ReportJobTests
{
    [Fact]
    public async Task Export_AnswersPreparingAtOnce_AndOtherChatsAreAnsweredWhileItIsBuilt()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s =>
            s.Replace(ServiceDescriptor.Singleton<IProgramReports>(sp => new GatedReports(sp.GetRequiredService<IOutboxFiles>()))));
        var reports = (GatedReports)bot.App.Services.GetRequiredService<IProgramReports>();
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);

        await coordinator.SendTextAsync("/ekspor");
        await coordinator.ExpectPreparingAsync();
        await reports.Started.Task.WaitAsync(TelegramEmulator.DefaultWaitTimeout);

        // The export is still being built: another chat's update is handled and answered meanwhile.
        var other = emulator.User(3301);
        await other.SendTextAsync("/start");
        Assert.Contains("Selamat datang", (await other.NextReplyAsync()).Text);
        Assert.False(reports.Release.Task.IsCompleted);

        reports.Release.SetResult();
        Assert.Equal(GatedReports.ExportText, (await coordinator.NextReplyAsync()).Text);
        var workbook = await coordinator.NextReplyAsync();
        Assert.Equal("sendDocument", workbook.Method);
        Assert.StartsWith("ekspor-", workbook.FileName);
        Assert.Equal(GatedReports.Workbook, workbook.FileContent);
        Assert.Empty(await bot.App.Services.GetRequiredService<IDocumentStore>().AllAsync<ReportRequest>(CancellationToken.None));
    }

    [Fact]
    public async Task ReportRequest_LostBeforeItsBuild_IsBuiltAfterTheRestartByTheScan_Once()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        var dataDirectory = BotUnderTest.NewDataDirectory();
        var crashed = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            // The process dies right after the commit: the job is never enqueued.
            s.Replace(ServiceDescriptor.Singleton<IReportQueue>(new LostQueue()));
        });
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);
        await coordinator.SendTextAsync("/terlambat");
        await coordinator.ExpectPreparingAsync();
        var stored = Assert.Single(await crashed.App.Services.GetRequiredService<IDocumentStore>().AllAsync<ReportRequest>(CancellationToken.None));
        Assert.Equal(ReportKind.Late, stored.Kind);
        await crashed.StopAsync();

        await using var bot = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory, services: s => s.AddSingleton<TimeProvider>(time));
        time.Advance(ReportJob.StaleAfter);
        var job = bot.App.Services.GetRequiredService<ReportJob>();
        await job.RunPendingAsync(CancellationToken.None);
        await job.RunPendingAsync(CancellationToken.None);

        Assert.Contains("Tidak ada yang terlambat ✅", (await coordinator.NextReplyAsync()).Text);
        await bot.Dispatcher.WaitIdleAsync(TelegramEmulator.DefaultWaitTimeout);
        Assert.Single(emulator.SentTo(coordinator.Id), m => m.Text?.Contains("Tidak ada yang terlambat ✅") == true);
        Assert.Empty(await bot.App.Services.GetRequiredService<IDocumentStore>().AllAsync<ReportRequest>(CancellationToken.None));
    }

    private sealed class LostQueue : IReportQueue
    {
        public void Requested(IReadOnlyList<ReportRequest> committed)
        {
        }
    }

    /// <summary>An export that is built only when the test lets it.</summary>
    private sealed class GatedReports(IOutboxFiles files) : IProgramReports
    {
        public const string ExportText = "Ekspor uji: 1 IKM.";
        public static readonly byte[] Workbook = [(byte)'P', (byte)'K', 3, 4, 1, 2, 3];

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<ProgramReport> ExportAsync(string cohortId, string language, CancellationToken ct)
        {
            Started.TrySetResult();
            await Release.Task.WaitAsync(ct);
            using var file = files.Create("ekspor-uji.xlsx", out var path);
            file.Write(Workbook);
            return new ProgramReport(ExportText, [new ReportFile(OutgoingKind.Document, "ekspor-uji.xlsx", path)]);
        }

        public Task<ProgramReport> WeeklyAsync(string cohortId, string language, CancellationToken ct) => Task.FromResult(new ProgramReport("-"));

        public Task<ProgramReport> ExportCsvAsync(string cohortId, string language, CancellationToken ct) => Task.FromResult(new ProgramReport("-"));

        public Task<ProgramReport> LateAsync(string cohortId, string language, CancellationToken ct) => Task.FromResult(new ProgramReport("-"));

        public Task<ProgramReport> RankingAsync(string cohortId, string language, CancellationToken ct) => Task.FromResult(new ProgramReport("-"));
    }
}
