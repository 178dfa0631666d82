using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.Mongo;
using Hangfire.Mongo.Migration.Strategies;
using Hangfire.Mongo.Migration.Strategies.Backup;
using Ikm.Scheduler.Digests;
using Ikm.Scheduler.Exports;
using Ikm.Scheduler.Reports;
using Ikm.Scheduler.Hosting;
using Ikm.Scheduler.Jobs;
using Ikm.Workflow.Flows.OwnerData;
using Ikm.Scheduler.Outbox;
using Ikm.Storage;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

namespace Ikm.Scheduler;

public static class SchedulerServiceCollectionExtensions
{
    /// <summary>
    /// The outbox dispatcher and Hangfire: Hangfire.Mongo when Storage:MongoUrl is set (explicit migration,
    /// tailable notifications — works on a standalone server), Hangfire.InMemory otherwise.
    /// </summary>
    /// <summary>Hangfire's jobs live beside the bot's data, in their own database: "{name}-jobs".</summary>
    internal static string JobsDatabaseName(MongoUrl url) => (url.DatabaseName ?? "ikm") + "-jobs";

    /// <summary>
    /// Hangfire.Mongo's options: migrate the job schema on start (backing up the collections first) instead of
    /// throwing on an older schema, and learn of queued jobs by tailing the notifications collection, which works on a
    /// standalone server as well as on a replica set (watching a change stream would need the latter).
    /// </summary>
    internal static MongoStorageOptions MongoJobStorageOptions() => new()
    {
        MigrationOptions = new MongoMigrationOptions
        {
            MigrationStrategy = new MigrateMongoMigrationStrategy(),
            BackupStrategy = new CollectionMongoBackupStrategy(),
        },
        CheckQueuedJobsStrategy = CheckQueuedJobsStrategy.TailNotificationsCollection,
        Prefix = "hangfire",
    };

    public static IServiceCollection AddIkmScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DispatcherOptions>().Bind(configuration.GetSection("Telegram"));
        var schedulerOptions = configuration.GetSection("Scheduler").Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddSingleton(schedulerOptions);

        services.AddSingleton<IOwnerDataExporter, MiniExcelOwnerDataExporter>();
        services.AddSingleton(sp => new DigestBuilder(sentra: sp.GetRequiredService<Workflow.Businesses.SentraLabels>()));
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection("Reports"));
        services.AddSingleton<ReportFileWriter>();
        services.AddSingleton<ProgramReports>();
        services.AddSingleton<IProgramReports>(sp => sp.GetRequiredService<ProgramReports>());
        services.AddSingleton<IReportQueue, HangfireReportQueue>();
        // Every send passes the private-chat guard, whichever channel's sender is registered.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<OutboxDispatcher>(sp,
            ActivatorUtilities.CreateInstance<PrivateChatGuard>(sp, sp.GetRequiredService<IMessageSender>())));
        services.AddSingleton<IOutboxNotifier>(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<OutboxDispatcher>());

        var storage = StorageOptions.From(configuration);
        // AddHangfire would hand out JobStorage.Current and JobActivator.Current: statics of the process, set by the host
        // configured last. Two hosts starting together (the test suite) would then queue or build each other's jobs, and a
        // report nobody builds never arrives. Each host registers its own, which AddHangfire's TryAdd keeps.
        services.AddSingleton<JobStorage>(_ =>
        {
            if (!storage.UsesMongo)
                return new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = schedulerOptions.JobHistory });
            var url = MongoUrl.Create(storage.MongoUrl);
            return new MongoStorage(new MongoClient(url), JobsDatabaseName(url), MongoJobStorageOptions());
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(config => config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (schedulerOptions.RunsJobs)
            services.AddHangfireServer(server => server.WorkerCount = schedulerOptions.WorkerCount);
        services.AddTransient<OpenCheckInScanJob>();
        services.AddTransient<ProgramNotificationsJob>();
        services.AddTransient<PhotoCopyJob>();
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection("Backup"));
        services.AddTransient<BackupJob>();
        services.AddTransient<DraftRetentionJob>();
        services.AddSingleton<ReportBuildGate>();
        services.AddTransient<ReportJob>();
        services.AddTransient<OutboxRetentionJob>();
        services.AddTransient<CohortJobSync>();
        if (schedulerOptions.RunsJobs)
            services.AddHostedService<RecurringJobsRegistration>();
        return services;
    }
}
