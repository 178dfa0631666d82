using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Storage;

namespace Ikm.Storage.Tests;

public abstract partial class BotStoreContract
{
    [StoreFact]
    public async Task Commit_PurgesDeliveredOutboxOfAChat_AndKeepsPendingAndOtherChats()
    {
        await Store.CommitAsync([new ChangeSet { Outgoing = [A.Message("sent-1", 7, "Siti Aminah"), A.Message("dropped-1", 7), A.Message("other-1", 8)] }], Ct);
        await Store.MarkOutboxAsync(
        [
            new OutboxUpdate("sent-1", OutboxStatus.Sent, 1, null, A.T0, 11),
            new OutboxUpdate("dropped-1", OutboxStatus.Dropped, 1, null, null, null),
            new OutboxUpdate("other-1", OutboxStatus.Sent, 1, null, A.T0, 12),
        ], Ct);

        await Store.CommitAsync([new ChangeSet { PurgedOutboxChats = [7], Outgoing = [A.Message("erased-7", 7, "Data dihapus")] }], Ct);

        Assert.Null(await Store.GetOutboxEntryAsync("sent-1", Ct));
        Assert.Null(await Store.GetOutboxEntryAsync("dropped-1", Ct));
        Assert.NotNull(await Store.GetOutboxEntryAsync("other-1", Ct));
        Assert.Equal(OutboxStatus.Pending, (await Store.GetOutboxEntryAsync("erased-7", Ct))!.Status);
    }
}
