using Hangfire.Mongo;
using Hangfire.Mongo.Migration.Strategies;
using Hangfire.Mongo.Migration.Strategies.Backup;
using MongoDB.Driver;

namespace Ikm.Scheduler.Tests.Hosting;

/// <summary>Hangfire.Mongo's configuration, checked without a server (no MongoDB runs on these machines).</summary>
public sealed class MongoJobStorageOptionsTests
{
    [Fact]
    public void Options_MigrateWithABackup_TailTheNotifications_AndUseTheHangfirePrefix()
    {
        var options = SchedulerServiceCollectionExtensions.MongoJobStorageOptions();

        Assert.IsType<MigrateMongoMigrationStrategy>(options.MigrationOptions.MigrationStrategy);
        Assert.IsType<CollectionMongoBackupStrategy>(options.MigrationOptions.BackupStrategy);
        Assert.Equal(CheckQueuedJobsStrategy.TailNotificationsCollection, options.CheckQueuedJobsStrategy);
        Assert.Equal("hangfire", options.Prefix);
    }

    [Theory]
    [InlineData("mongodb://db.example:27017/dinas-palu", "dinas-palu-jobs")]
    [InlineData("mongodb://db.example:27017", "ikm-jobs")]
    public void JobsDatabase_IsTheBotsDatabaseNameWithJobs(string url, string expected) =>
        Assert.Equal(expected, SchedulerServiceCollectionExtensions.JobsDatabaseName(MongoUrl.Create(url)));
}
