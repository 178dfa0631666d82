using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Storage;

namespace Ikm.Storage.Tests;

/// <summary>Issue 10 item 3 (outbox retention) and issue 9 item 7 (the fair pending scan).</summary>
public abstract partial class BotStoreContract
{
    [StoreFact]
    public async Task MarkOutbox_KeepsOnlyIdsStatusAndTimes_WhenSentOrDropped()
    {
        byte[] workbook = [0x50, 0x4B, 0x03, 0x04, 0x53, 0x69, 0x74, 0x69];
        await Store.CommitAsync([A.Changes(null,
            new OutgoingMessage
            {
                Id = "export-1", ChatId = 9, Kind = OutgoingKind.Document, Text = "Ekspor Siti Aminah",
                Buttons = [[new Button("Lagi", "again")]], Keyboard = [[new KeyboardKey("Menu")]],
                FileName = "siti-aminah.xlsx", FileContent = workbook,
            },
            A.Message("reply-1", 9, "Halo Siti Aminah, 0812-3456-7890"),
            A.Message("retry-1", 9, "Halo Siti Aminah lagi"))], Ct);
        var created = (await Store.GetOutboxEntryAsync("export-1", Ct))!;
        var sentAt = A.T0.AddSeconds(3);

        await Store.MarkOutboxAsync(
        [
            new OutboxUpdate("export-1", OutboxStatus.Sent, 1, null, sentAt, 321),
            new OutboxUpdate("reply-1", OutboxStatus.Dropped, 2, null, null, null),
            new OutboxUpdate("retry-1", OutboxStatus.Pending, 1, A.T0.AddMinutes(1), null, null),
        ], Ct);

        var export = (await Store.GetOutboxEntryAsync("export-1", Ct))!;
        Assert.Equal(("export-1", 9L, OutgoingKind.Document), (export.Message.Id, export.Message.ChatId, export.Message.Kind));
        Assert.Equal((OutboxStatus.Sent, 1, sentAt, 321L), (export.Status, export.Attempts, export.SentAt, export.ChannelMessageId));
        Assert.Equal((created.Sequence, created.CreatedAt), (export.Sequence, export.CreatedAt));
        AssertNoContent(export.Message);
        var reply = (await Store.GetOutboxEntryAsync("reply-1", Ct))!;
        Assert.Equal(OutboxStatus.Dropped, reply.Status);
        AssertNoContent(reply.Message);
        // Still to be sent: a retry keeps everything it needs.
        Assert.Equal("Halo Siti Aminah lagi", (await Store.GetOutboxEntryAsync("retry-1", Ct))!.Message.Text);
    }

    private static void AssertNoContent(OutgoingMessage message)
    {
        Assert.Equal("", message.Text);
        Assert.Null(message.Buttons);
        Assert.Null(message.Keyboard);
        Assert.Null(message.FileName);
        Assert.Null(message.FileContent);
    }

    [StoreFact]
    public async Task Commit_StillIgnoresAReplayedMessage_AfterItsDeliveryDroppedTheContent()
    {
        await Store.CommitAsync([A.Changes(null, A.Message("upd-90-0", 5, "Pertama"))], Ct);
        await Store.MarkOutboxAsync([new OutboxUpdate("upd-90-0", OutboxStatus.Sent, 1, null, A.T0, 1)], Ct);

        await Store.CommitAsync([A.Changes(null, A.Message("upd-90-0", 5, "Pertama"))], Ct);

        Assert.Empty(await Store.GetDueOutboxAsync(A.T0, 10, AnyPerChat, Ct));
        Assert.Equal(OutboxStatus.Sent, (await Store.GetOutboxEntryAsync("upd-90-0", Ct))!.Status);
    }

    [StoreFact]
    public async Task PurgeDeliveredOutbox_DeletesDeliveredRowsCreatedBeforeTheCutoff_AndKeepsPendingAndRecentOnes()
    {
        await Store.CommitAsync([A.Changes(null, A.Message("old-sent", 1), A.Message("old-dropped", 2), A.Message("old-pending", 3))], Ct);
        Time.Advance(TimeSpan.FromDays(31));
        await Store.CommitAsync([A.Changes(null, A.Message("new-sent", 1))], Ct);
        await Store.MarkOutboxAsync(
        [
            new OutboxUpdate("old-sent", OutboxStatus.Sent, 1, null, A.T0, 1),
            new OutboxUpdate("old-dropped", OutboxStatus.Dropped, 1, null, null, null),
            new OutboxUpdate("new-sent", OutboxStatus.Sent, 1, null, Time.GetUtcNow(), 2),
        ], Ct);

        var purged = await Store.PurgeDeliveredOutboxAsync(Time.GetUtcNow().AddDays(-30), Ct);

        Assert.Equal(2, purged);
        Assert.Null(await Store.GetOutboxEntryAsync("old-sent", Ct));
        Assert.Null(await Store.GetOutboxEntryAsync("old-dropped", Ct));
        Assert.Equal(OutboxStatus.Pending, (await Store.GetOutboxEntryAsync("old-pending", Ct))!.Status);
        Assert.Equal(OutboxStatus.Sent, (await Store.GetOutboxEntryAsync("new-sent", Ct))!.Status);
        Assert.Equal(0, await Store.PurgeDeliveredOutboxAsync(Time.GetUtcNow().AddDays(-30), Ct));
    }

    [StoreFact]
    public async Task GetDueOutbox_TakesAtMostMaxPerChat_SoAChatsBacklogLeavesRoomForTheOthers()
    {
        var backlog = Enumerable.Range(0, 40).Select(i => A.Message($"a-{i:D2}", 1)).ToArray();
        await Store.CommitAsync([A.Changes(null, backlog), A.Changes(null, A.Message("b-0", 2), A.Message("b-1", 2))], Ct);
        await Store.CommitAsync([A.Changes(null, A.Message("c-0", 3, notBefore: A.T0.AddHours(1)), A.Message("c-1", 3))], Ct);
        await Store.MarkOutboxAsync([new OutboxUpdate("a-00", OutboxStatus.Sent, 1, null, A.T0, 1)], Ct);

        var due = await Store.GetDueOutboxAsync(A.T0, 100, 5, Ct);

        Assert.Equal(["a-01", "a-02", "a-03", "a-04", "a-05", "b-0", "b-1", "c-1"], due.Select(e => e.Id));
        Assert.Equal(["a-01", "a-02", "a-03"], (await Store.GetDueOutboxAsync(A.T0, 3, 5, Ct)).Select(e => e.Id));
        Assert.Equal(["a-01", "b-0", "c-1"], (await Store.GetDueOutboxAsync(A.T0, 100, 1, Ct)).Select(e => e.Id));
    }
}
