using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Members;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Storage.Tests;

/// <summary>What every <see cref="IBotStore"/> must do. Derived once per store; each test gets an empty store.</summary>
public abstract partial class BotStoreContract : IAsyncLifetime
{
    protected static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>A per-chat share of the due scan that no test reaches (the tests of the share use their own).</summary>
    protected const int AnyPerChat = 10_000;

    protected FakeTimeProvider Time { get; } = new(A.T0);

    protected IBotStore Store { get; private set; } = null!;

    /// <summary>
    /// True when a conflict leaves the whole batch unwritten (SQLite; MongoDB in a transaction). MongoDB on a standalone
    /// server writes the other change sets; in both, a conflicting change set writes nothing after its failed check.
    /// </summary>
    protected abstract bool CommitIsAtomic { get; }

    protected abstract Task<IBotStore> CreateStoreAsync(TimeProvider time);

    protected abstract Task DeleteStoreAsync(IBotStore store);

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync(Time);
        await Store.InitializeAsync(Ct);
    }

    public Task DisposeAsync() => DeleteStoreAsync(Store);

    [StoreFact]
    public async Task GetConversation_ReturnsNull_WhenChatIsUnknown()
    {
        Assert.Null(await Store.GetConversationAsync(404, Ct));
    }

    [StoreFact]
    public async Task Commit_RoundTripsConversation_WithDataAndRecentUpdateIds()
    {
        var conversation = A.Conversation(42);
        conversation.Language = "en";
        conversation.Data["omzet"] = "1500000";
        conversation.Data["alamat.kota"] = "Yogyakarta — Kotagede";
        conversation.Data["$catatan"] = "";
        for (var update = 1; update <= Workflow.Conversations.Conversation.RecentUpdateWindow + 3; update++)
            conversation.RememberUpdate(update * 10);

        await Store.CommitAsync([A.Changes(conversation)], Ct);
        var stored = await Store.GetConversationAsync(42, Ct);

        Assert.NotNull(stored);
        Assert.Equal(42, stored.ChatId);
        Assert.Equal(1_000_042, stored.UserId);
        Assert.Equal("Onboarding", stored.Flow);
        Assert.Equal("AskingRevenue", stored.State);
        Assert.Equal("en", stored.Language);
        Assert.Equal(1, stored.Version);
        Assert.Equal(A.T0, stored.UpdatedAt);
        Assert.Equal(conversation.Data.OrderBy(p => p.Key), stored.Data.OrderBy(p => p.Key));
        Assert.Equal(conversation.RecentUpdateIds, stored.RecentUpdateIds);
        Assert.Equal(40, stored.RecentUpdateIds[0]);
        Assert.True(stored.HasProcessed(670));
    }

    [StoreFact]
    public async Task Commit_IncrementsVersion_OfStoredAndCallersConversation()
    {
        var conversation = A.Conversation(7);

        await Store.CommitAsync([A.Changes(conversation)], Ct);
        Assert.Equal(1, conversation.Version);

        conversation.State = "AskingExpenses";
        await Store.CommitAsync([A.Changes(conversation)], Ct);

        Assert.Equal(2, conversation.Version);
        var stored = await Store.GetConversationAsync(7, Ct);
        Assert.Equal(2, stored!.Version);
        Assert.Equal("AskingExpenses", stored.State);
    }

    [StoreFact]
    public async Task Commit_ThrowsConcurrency_WhenVersionIsStale()
    {
        var mine = A.Conversation(1);
        await Store.CommitAsync([A.Changes(mine)], Ct);
        var theirs = (await Store.GetConversationAsync(1, Ct))!;
        theirs.State = "Theirs";
        await Store.CommitAsync([A.Changes(theirs)], Ct);

        mine.State = "Mine";
        var other = A.Conversation(2);
        var batch = new[]
        {
            A.Changes(other, A.Message("other-1", 2)),
            new ChangeSet
            {
                Conversation = mine,
                Outgoing = [A.Message("mine-1", 1)],
                Members = [A.Member(101, 1)],
                Failures = [new FailedUpdate(5, 1, "Bug", A.T0)],
            },
        };

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() => Store.CommitAsync(batch, Ct));

        Assert.Equal(1, conflict.ChatId);
        Assert.Equal(1, mine.Version);
        var stored = await Store.GetConversationAsync(1, Ct);
        Assert.Equal(("Theirs", 2L), (stored!.State, stored.Version));
        Assert.Null(await Store.GetOutboxEntryAsync("mine-1", Ct));
        Assert.Null(await Store.GetMemberAsync(101, Ct));
        Assert.Empty(await Store.GetFailedUpdatesAsync(Ct));
        if (CommitIsAtomic)
        {
            Assert.Null(await Store.GetConversationAsync(2, Ct));
            Assert.Null(await Store.GetOutboxEntryAsync("other-1", Ct));
            Assert.Equal(0, other.Version);
        }
        else
        {
            Assert.Equal(1, (await Store.GetConversationAsync(2, Ct))!.Version);
            Assert.NotNull(await Store.GetOutboxEntryAsync("other-1", Ct));
            Assert.Equal(1, other.Version);
        }
    }

    [StoreFact]
    public async Task Commit_ThrowsConcurrency_WhenTwoWritersInsertTheSameNewChat()
    {
        var first = A.Conversation(9, state: "First");
        var second = A.Conversation(9, state: "Second");
        await Store.CommitAsync([A.Changes(first)], Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(
            () => Store.CommitAsync([A.Changes(second, A.Message("second-1", 9))], Ct));

        Assert.Equal(9, conflict.ChatId);
        Assert.Equal(0, second.Version);
        Assert.Equal("First", (await Store.GetConversationAsync(9, Ct))!.State);
        Assert.Null(await Store.GetOutboxEntryAsync("second-1", Ct));
    }

    [StoreFact]
    public async Task Commit_WritesChatOnce_WhenTheSameConversationIsInTwoChangeSets()
    {
        var conversation = A.Conversation(3);
        await Store.CommitAsync([A.Changes(conversation)], Ct);

        conversation.State = "Later";
        await Store.CommitAsync(
            [A.Changes(conversation, A.Message("u1", 3)), A.Changes(conversation, A.Message("u2", 3))], Ct);

        Assert.Equal(2, conversation.Version);
        var stored = await Store.GetConversationAsync(3, Ct);
        Assert.Equal(("Later", 2L), (stored!.State, stored.Version));
        Assert.Equal(["u1", "u2"], (await Store.GetDueOutboxAsync(A.T0, 10, AnyPerChat, Ct)).Select(e => e.Id));
    }

    [StoreFact]
    public async Task Commit_IgnoresOutgoingMessage_WhenItsIdIsAlreadyQueued()
    {
        await Store.CommitAsync([A.Changes(A.Conversation(5), A.Message("upd-77-0", 5, "Pertama"))], Ct);
        var queued = await Store.GetOutboxEntryAsync("upd-77-0", Ct);

        await Store.CommitAsync([A.Changes(null, A.Message("upd-77-0", 5, "Replay"), A.Message("upd-78-0", 5))], Ct);

        var due = await Store.GetDueOutboxAsync(A.T0, 10, AnyPerChat, Ct);
        Assert.Equal(["upd-77-0", "upd-78-0"], due.Select(e => e.Id));
        Assert.Equal("Pertama", due[0].Message.Text);
        Assert.Equal(queued!.Sequence, due[0].Sequence);
    }

    [StoreFact]
    public async Task Commit_QueuesOutgoing_WithIncreasingSequenceAndCreationTime()
    {
        await Store.CommitAsync([A.Changes(null, A.Message("a", 1), A.Message("b", 2))], Ct);
        Time.Advance(TimeSpan.FromSeconds(5));
        await Store.CommitAsync([A.Changes(null, A.Message("c", 1))], Ct);

        var entries = await Store.GetDueOutboxAsync(Time.GetUtcNow(), 10, AnyPerChat, Ct);

        Assert.Equal(["a", "b", "c"], entries.Select(e => e.Id));
        Assert.True(entries[0].Sequence < entries[1].Sequence && entries[1].Sequence < entries[2].Sequence);
        Assert.Equal([A.T0, A.T0, A.T0.AddSeconds(5)], entries.Select(e => e.CreatedAt));
        Assert.All(entries, e => Assert.Equal((OutboxStatus.Pending, 0), (e.Status, e.Attempts)));
        Assert.Equal([1L, 2L, 1L], entries.Select(e => e.ChatId));
    }

    [StoreFact]
    public async Task GetDueOutbox_ReturnsPendingOldestFirst_HonouringNotBeforeAndMax()
    {
        var later = A.T0.AddHours(3);
        await Store.CommitAsync(
        [
            A.Changes(null, A.Message("now-1", 1)),
            A.Changes(null, A.Message("quiet-hours", 2, notBefore: later)),
            A.Changes(null, A.Message("past", 3, notBefore: A.T0.AddMinutes(-1))),
            A.Changes(null, A.Message("at-now", 4, notBefore: A.T0)),
            A.Changes(null, A.Message("now-2", 5)),
        ], Ct);

        Assert.Equal(["now-1", "past", "at-now", "now-2"], (await Store.GetDueOutboxAsync(A.T0, 10, AnyPerChat, Ct)).Select(e => e.Id));
        Assert.Equal(["now-1", "past"], (await Store.GetDueOutboxAsync(A.T0, 2, AnyPerChat, Ct)).Select(e => e.Id));
        Assert.Equal(
            ["now-1", "quiet-hours", "past", "at-now", "now-2"],
            (await Store.GetDueOutboxAsync(later, 10, AnyPerChat, Ct)).Select(e => e.Id));
        Assert.Equal(later, (await Store.GetOutboxEntryAsync("quiet-hours", Ct))!.DueAt);
    }

    [StoreFact]
    public async Task MarkOutbox_StoresSendResult_AndSentEntriesAreNoLongerDue()
    {
        await Store.CommitAsync([A.Changes(null, A.Message("m1", 1), A.Message("m2", 1), A.Message("m3", 1))], Ct);
        var sentAt = A.T0.AddSeconds(2);

        await Store.MarkOutboxAsync(
        [
            new OutboxUpdate("m1", OutboxStatus.Sent, 1, null, sentAt, 555),
            new OutboxUpdate("m3", OutboxStatus.Dropped, 1, null, null, null),
            new OutboxUpdate("unknown", OutboxStatus.Sent, 1, null, sentAt, 1),
        ], Ct);

        Assert.Equal(["m2"], (await Store.GetDueOutboxAsync(A.T0.AddDays(1), 10, AnyPerChat, Ct)).Select(e => e.Id));
        var sent = await Store.GetOutboxEntryAsync("m1", Ct);
        Assert.Equal((OutboxStatus.Sent, 1, sentAt, 555L), (sent!.Status, sent.Attempts, sent.SentAt, sent.ChannelMessageId));
        // Delivered: the text is gone (issue 10 retention), the id and chat stay.
        Assert.Equal(("m1", 1L, ""), (sent.Id, sent.ChatId, sent.Message.Text));
        Assert.Equal(OutboxStatus.Dropped, (await Store.GetOutboxEntryAsync("m3", Ct))!.Status);
        Assert.Null(await Store.GetOutboxEntryAsync("unknown", Ct));
    }

    [StoreFact]
    public async Task MarkOutbox_PostponesEntry_WhenARetryIsScheduled()
    {
        await Store.CommitAsync([A.Changes(null, A.Message("r1", 1), A.Message("r2", 1))], Ct);
        var retryAt = A.T0.AddSeconds(30);

        await Store.MarkOutboxAsync([new OutboxUpdate("r1", OutboxStatus.Pending, 1, retryAt, null, null)], Ct);

        Assert.Equal(["r2"], (await Store.GetDueOutboxAsync(A.T0, 10, AnyPerChat, Ct)).Select(e => e.Id));
        var due = await Store.GetDueOutboxAsync(retryAt, 10, AnyPerChat, Ct);
        Assert.Equal(["r1", "r2"], due.Select(e => e.Id));
        Assert.Equal((1, retryAt), (due[0].Attempts, due[0].DueAt));
    }

    [StoreFact]
    public async Task GetOutboxEntry_RoundTripsButtonsKeyboardAndFile()
    {
        byte[] pdf = [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0x10];
        var message = new OutgoingMessage
        {
            Id = "doc-1",
            ChatId = 8,
            Kind = OutgoingKind.Document,
            Text = "Laporan Maret",
            Buttons = [[new Button("Ya", "yes"), new Button("Tidak", "no")], [new Button("Batal", "cancel")]],
            Keyboard = [[new KeyboardKey("Kirim lokasi", RequestLocation: true), new KeyboardKey("Kontak", RequestContact: true)]],
            RemoveKeyboard = true,
            EditMessageId = 99,
            FileName = "laporan.pdf",
            FileContent = pdf,
        };

        await Store.CommitAsync([A.Changes(null, message)], Ct);
        var stored = (await Store.GetOutboxEntryAsync("doc-1", Ct))!.Message;

        Assert.Equal((message.Id, message.ChatId, message.Kind, message.Text), (stored.Id, stored.ChatId, stored.Kind, stored.Text));
        Assert.Equal(pdf, stored.FileContent);
        Assert.Equal("laporan.pdf", stored.FileName);
        Assert.Equal(99, stored.EditMessageId);
        Assert.True(stored.RemoveKeyboard);
        Assert.Null(stored.NotBefore);
        Assert.Equal(message.Buttons.SelectMany(r => r), stored.Buttons!.SelectMany(r => r));
        Assert.Equal([2, 1], stored.Buttons!.Select(r => r.Count));
        Assert.Equal(message.Keyboard.SelectMany(r => r), stored.Keyboard!.SelectMany(r => r));
    }

    [StoreFact]
    public async Task Members_AreUpserted_AndLoadedOneOrManyAtOnce()
    {
        var owner = A.Member(100, 10);
        var mentor = A.Member(200, 20, MemberRole.Mentor);
        await Store.CommitAsync([new ChangeSet { Members = [owner, mentor] }], Ct);

        owner.Role = MemberRole.Coordinator;
        owner.Version = 2;
        await Store.CommitAsync([new ChangeSet { Members = [owner] }], Ct);

        var stored = await Store.GetMemberAsync(100, Ct);
        Assert.Equal((10L, MemberRole.Coordinator, "en", false, 2L, A.T0),
            (stored!.ChatId, stored.Role, stored.Language, stored.Unreachable, stored.Version, stored.JoinedAt));
        var many = await Store.GetMembersAsync([100, 200, 300], Ct);
        Assert.Equal([100L, 200L], many.Keys.Order());
        Assert.Equal(MemberRole.Mentor, many[200].Role);
        Assert.Null(await Store.GetMemberAsync(300, Ct));
    }

    [StoreFact]
    public async Task MarkUnreachable_FlagsTheMemberOfThatChatOnly()
    {
        await Store.CommitAsync([new ChangeSet { Members = [A.Member(100, 10), A.Member(200, 20)] }], Ct);

        await Store.MarkUnreachableAsync(10, Ct);
        await Store.MarkUnreachableAsync(404, Ct);

        var members = await Store.GetMembersAsync([100, 200], Ct);
        Assert.True(members[100].Unreachable);
        Assert.Equal(2, members[100].Version);
        Assert.False(members[200].Unreachable);
    }

    [StoreFact]
    public async Task FailedUpdates_AreStoredInTimeOrder_AndAReplayIsRecordedOnce()
    {
        var late = new FailedUpdate(11, 1, "System.NullReferenceException", A.T0.AddMinutes(1));
        var early = new FailedUpdate(12, 2, "System.FormatException", A.T0);

        await Store.CommitAsync([new ChangeSet { Failures = [late] }, new ChangeSet { Failures = [early] }], Ct);
        await Store.CommitAsync([new ChangeSet { Failures = [late] }], Ct);

        Assert.Equal([early, late], await Store.GetFailedUpdatesAsync(Ct));
    }

    [StoreFact]
    public async Task Commit_WritesAHundredChangeSets_InOneCall()
    {
        var conversations = Enumerable.Range(1, 100).Select(i => A.Conversation(i)).ToList();
        var batch = conversations.Select(c => new ChangeSet
        {
            Conversation = c,
            Outgoing = [A.Message($"reply-{c.ChatId}", c.ChatId)],
            Members = [A.Member(c.ChatId + 1_000_000, c.ChatId)],
        }).ToList();

        await Store.CommitAsync(batch, Ct);

        Assert.All(conversations, c => Assert.Equal(1, c.Version));
        var stored = await Store.GetConversationsAsync(conversations.Select(c => c.ChatId).ToList(), Ct);
        Assert.Equal(100, stored.Count);
        Assert.All(stored.Values, c => Assert.Equal(1, c.Version));
        var due = await Store.GetDueOutboxAsync(A.T0, 1000, AnyPerChat, Ct);
        Assert.Equal(conversations.Select(c => $"reply-{c.ChatId}"), due.Select(e => e.Id));
        Assert.Equal(100, (await Store.GetMembersAsync(batch.Select(b => b.Members[0].UserId).ToList(), Ct)).Count);
    }

    [StoreFact]
    public async Task GetConversations_LoadsManyChats_AndLeavesOutUnknownOnes()
    {
        await Store.CommitAsync(Enumerable.Range(1, 300).Select(i => A.Changes(A.Conversation(i * 2))).ToList(), Ct);
        var wanted = Enumerable.Range(1, 400).Select(i => (long)i).ToList();

        var found = await Store.GetConversationsAsync(wanted, Ct);

        Assert.Equal(Enumerable.Range(1, 200).Select(i => i * 2L), found.Keys.Order());
        Assert.All(found, pair => Assert.Equal(pair.Key, pair.Value.ChatId));
        Assert.Empty(await Store.GetConversationsAsync([], Ct));
    }

    [StoreFact]
    public async Task Ping_ReturnsTrue_WhenStoreAnswers()
    {
        Assert.True(await Store.PingAsync(Ct));
    }
}
