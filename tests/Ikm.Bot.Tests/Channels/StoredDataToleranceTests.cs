using Ikm.Bot.Tests.Support;
using Ikm.Storage.Sqlite;
using Ikm.Workflow.Members;
using Microsoft.Data.Sqlite;

namespace Ikm.Bot.Tests.Channels;

/// <summary>Issue 9: one record another version wrote must not stop the bot for every chat.</summary>
public sealed class StoredDataToleranceTests
{
    [Fact]
    public async Task Polling_RepliesToEveryChatOfTheBatch_WhenOneMemberHasARoleThisVersionDoesNotKnow()
    {
        var dataDirectory = BotUnderTest.NewDataDirectory();
        await SeedMemberWithUnknownRoleAsync(dataDirectory, userId: 811);
        await using var emulator = await Emulator.StartFastAsync();
        var poisoned = emulator.User(811);
        var other = emulator.User(812);
        // Queued before the bot polls: both arrive in one getUpdates batch.
        await poisoned.SendTextAsync("/start");
        await other.SendTextAsync("/start");

        await using var bot = await BotUnderTest.StartAsync(emulator, dataDirectory: dataDirectory);

        var otherReply = await emulator.WaitForMessageAsync(other.ChatId);
        var poisonedReply = await emulator.WaitForMessageAsync(poisoned.ChatId);
        Assert.Contains("Selamat datang", otherReply.Text, StringComparison.Ordinal);
        // Read as a member without a role: offered the start like a newcomer, given no rights.
        Assert.Contains("Selamat datang", poisonedReply.Text, StringComparison.Ordinal);
        await emulator.WaitUntilAsync(() => emulator.ConfirmedOffset > 0 && emulator.PendingUpdateCount == 0);
        Assert.Empty(await bot.Store.GetFailedUpdatesAsync(CancellationToken.None));
        Assert.Equal(MemberRole.None, (await bot.Store.GetMemberAsync(811, CancellationToken.None))!.Role);
    }

    private static async Task SeedMemberWithUnknownRoleAsync(string dataDirectory, long userId)
    {
        var path = Path.Combine(dataDirectory, "ikm.db");
        await using (var store = new SqliteBotStore(path))
            await store.InitializeAsync(CancellationToken.None);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $$"""
            INSERT INTO members (id, version, chat_id, role, unreachable, doc)
            VALUES ({{userId}}, 1, {{userId}}, 'Auditor', 0,
                '{"userId":{{userId}},"chatId":{{userId}},"role":"Auditor","language":"id","version":1,"joinedAt":"2025-03-03T01:30:15+00:00"}')
            """;
        await cmd.ExecuteNonQueryAsync();
    }
}
