using Ikm.Workflow.Documents;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.OwnerData;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Workflow.Tests.Engine;

public sealed class UpdatePipelineTests
{
    private readonly InMemoryStore _store = new();
    private readonly RecordingNotifier _notifier = new();
    private readonly RecordingReportQueue _reports = new();
    private readonly UpdatePipeline _pipeline;

    public UpdatePipelineTests()
    {
        // FillWindowAsync sends 300 updates of one chat at one instant: far over the default flood limit.
        var services = WorkflowServices.Over(_store, new BotOptions { Coordinators = "9", FloodLimit = 1000 }, _notifier, _reports);
        _pipeline = services.BuildServiceProvider().GetRequiredService<UpdatePipeline>();
    }

    private static IncomingMessage Command(long updateId, long chat, string text) =>
        new() { UpdateId = updateId, ChatId = chat, UserId = chat, Kind = IncomingKind.Command, Text = text };

    private static IncomingMessage Press(long updateId, long chat, string data) =>
        new() { UpdateId = updateId, ChatId = chat, UserId = chat, Kind = IncomingKind.Button, ButtonData = data };

    [Fact]
    public async Task ProcessAsync_WritesWholeBatchInOneCommit_WhenManyChats()
    {
        var batch = Enumerable.Range(1, 100).Select(i => Command(i, 1000 + i, "/start")).ToList();

        var outcome = await _pipeline.ProcessAsync(batch, CancellationToken.None);

        Assert.Equal(new BatchOutcome(100, 0, 0), outcome);
        Assert.Equal(1, _store.Commits);
        Assert.Equal(100, _store.Outbox.Count);
        Assert.Equal(100, _notifier.Messages.Count);
    }

    [Fact]
    public async Task ProcessAsync_HandlesOneChatInOrder_WithinABatch()
    {
        await _pipeline.ProcessAsync([Command(1, 5, "/start"), Press(2, 5, "ob:lang:en"), Press(3, 5, "ob:role:owner")], CancellationToken.None);

        var texts = _store.Outbox.Select(e => e.Message.Text).ToList();
        Assert.Equal(3, texts.Count);
        Assert.Contains("Selamat datang", texts[0]);
        Assert.Contains("How are you joining?", texts[1]);
        Assert.Contains("IKM owner menu", texts[2]);
        var conversation = await _store.GetConversationAsync(5, CancellationToken.None);
        Assert.Equal(1, conversation!.Version);
        Assert.Equal([1L, 2L, 3L], conversation.RecentUpdateIds);
    }

    [Fact]
    public async Task ProcessAsync_IgnoresRedeliveredUpdate_EvenOlderThanTheNewest()
    {
        await _pipeline.ProcessAsync([Command(10, 6, "/start")], CancellationToken.None);
        await _pipeline.ProcessAsync([Command(12, 6, "/bantuan")], CancellationToken.None);

        var outcome = await _pipeline.ProcessAsync([Command(10, 6, "/start"), Command(11, 6, "/menu")], CancellationToken.None);

        Assert.Equal(1, outcome.Duplicates);
        Assert.Equal(1, outcome.Handled);
    }

    [Fact]
    public void RecentUpdateWindow_KeepsOnlyTheLast256()
    {
        var conversation = Conversations.Conversation.New(1, 1, "id");
        for (var i = 1; i <= 300; i++) conversation.RememberUpdate(i);

        Assert.Equal(256, conversation.RecentUpdateIds.Count);
        Assert.False(conversation.HasProcessed(44));
        Assert.True(conversation.HasProcessed(45));
        Assert.True(conversation.HasProcessed(300));
    }

    [Fact]
    public void RecentUpdateWindow_HoldsAtLeastTwiceTheLargestBatch()
    {
        Assert.True(Conversations.Conversation.RecentUpdateWindow >= 2 * UpdateIntake.MaxBatch);
    }

    private async Task FillWindowAsync(long chat)
    {
        for (var batch = 0; batch < 3; batch++)
        {
            var updates = Enumerable.Range(1 + batch * 100, 100)
                .Select(i => Command(i, chat, "/bantuan") with { UpdateIdsRise = true }).ToList();
            Assert.Equal(100, (await _pipeline.ProcessAsync(updates, CancellationToken.None)).Handled);
        }
    }

    [Fact]
    public async Task ProcessAsync_CountsAnIdOlderThanTheFullWindowAsProcessed_WhenIdsRise()
    {
        await FillWindowAsync(40);
        var version = (await _store.GetConversationAsync(40, CancellationToken.None))!.Version;

        var outcome = await _pipeline.ProcessAsync(
            [.. Enumerable.Range(1, 44).Select(i => Command(i, 40, "/start") with { UpdateIdsRise = true })], CancellationToken.None);

        Assert.Equal(new BatchOutcome(0, 44, 0), outcome);
        Assert.Equal(version, (await _store.GetConversationAsync(40, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task ProcessAsync_HandlesAnIdOlderThanTheFullWindow_WhenIdsMayArriveOutOfOrder()
    {
        await FillWindowAsync(41);

        var outcome = await _pipeline.ProcessAsync([Command(44, 41, "/bantuan"), Command(45, 41, "/bantuan")], CancellationToken.None);

        Assert.Equal(new BatchOutcome(1, 1, 0), outcome);
    }

    [Fact]
    public async Task ReplyIds_AreDeterministic_SoAReplayQueuesNothingNew()
    {
        await _pipeline.ProcessAsync([Command(20, 7, "/start")], CancellationToken.None);
        var ids = _store.Outbox.Select(e => e.Id).ToList();

        Assert.Equal(["u:7:20:0"], ids);
    }

    [Fact]
    public async Task ProcessAsync_MarksMemberReachableAgain_WhenTheyWrite()
    {
        await _pipeline.ProcessAsync([Command(30, 8, "/start"), Press(31, 8, "ob:lang:id"), Press(32, 8, "ob:role:owner")], CancellationToken.None);
        await _store.MarkUnreachableAsync(8, CancellationToken.None);
        Assert.True((await _store.GetMemberAsync(8, CancellationToken.None))!.Unreachable);

        await _pipeline.ProcessAsync([Command(33, 8, "/menu")], CancellationToken.None);

        Assert.False((await _store.GetMemberAsync(8, CancellationToken.None))!.Unreachable);
    }

    [Fact]
    public async Task MyData_RepliesPreparingAtOnce_AndStoresTheRequestForTheReportJob_AnnouncedAfterTheCommit()
    {
        await _pipeline.ProcessAsync([Command(50, 12, "/datasaya")], CancellationToken.None);

        var reply = Assert.Single(_store.Outbox);
        Assert.Equal(OutgoingKind.Text, reply.Message.Kind);
        Assert.StartsWith("⏳ Laporan sedang disiapkan", reply.Message.Text);
        var request = Assert.Single(await _store.AllAsync<Ikm.Workflow.Reports.ReportRequest>(CancellationToken.None));
        Assert.Equal((Ikm.Workflow.Reports.ReportKind.OwnerData, 12L, 12L, "report:12:50"), (request.Kind, request.ChatId, request.UserId, request.Id));
        Assert.Equal(request.Id, Assert.Single(_reports.Requested).Id);
    }

    private sealed class RecordingNotifier : IOutboxNotifier
    {
        public List<OutgoingMessage> Messages { get; } = [];

        public void Notify(IReadOnlyList<OutgoingMessage> committed) => Messages.AddRange(committed);
    }
}
