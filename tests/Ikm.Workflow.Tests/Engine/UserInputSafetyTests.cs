using Ikm.Workflow.Documents;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.OwnerData;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Ikm.Workflow.Tests.Support;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Stateless.Reflection;

namespace Ikm.Workflow.Tests.Engine;

/// <summary>
/// Issue 10 item 8 at the pipeline: an exception's message (which may quote the user) never reaches the log, a reply
/// repeats at most ~50 characters of the user's input, and a reply over 4,096 characters leaves as several messages.
/// </summary>
public sealed class UserInputSafetyTests
{
    private const string Secret = "Siti Aminah 0812-3456-7890";
    private readonly InMemoryStore _store = new();
    private readonly ListLogger<UpdatePipeline> _log = new();
    private readonly UpdatePipeline _pipeline;

    public UserInputSafetyTests()
    {
        var services = WorkflowServices.Over(_store, new BotOptions { Coordinators = "9" })
            .AddSingleton<IFlow, QuotingFlow>()
            .AddSingleton<ILogger<UpdatePipeline>>(_log);
        _pipeline = services.BuildServiceProvider().GetRequiredService<UpdatePipeline>();
    }

    private static IncomingMessage Text(long updateId, long chat, string text, IncomingKind kind = IncomingKind.Text) =>
        new() { UpdateId = updateId, ChatId = chat, UserId = chat, Kind = kind, Text = text };

    private async Task OpenQuotingFlowAsync(long chat)
    {
        var conversation = Conversations.Conversation.New(chat, chat, "id");
        conversation.Flow = QuotingFlow.FlowName;
        conversation.State = "Open";
        await _store.CommitAsync([new ChangeSet { Conversation = conversation }], CancellationToken.None);
    }

    [Fact]
    public async Task FailedUpdate_LogsTypeAndFramesButNotTheExceptionMessage()
    {
        await OpenQuotingFlowAsync(31);

        var outcome = await _pipeline.ProcessAsync([Text(1, 31, "throw " + Secret)], CancellationToken.None);

        Assert.Equal(1, outcome.Failed);
        var line = Assert.Single(_log.Lines, l => l.Level == LogLevel.Error).Text;
        Assert.Contains("FormatException", line);
        Assert.Contains(nameof(QuotingFlow), line); // the stack frames are there
        Assert.DoesNotContain("Siti", line);
        Assert.DoesNotContain("0812", line);
    }

    [Fact]
    public async Task UnknownCommand_RepeatsAtMostFiftyCharactersOfIt_WhenFiveThousandLong()
    {
        var command = "/" + new string('x', 5000);

        await _pipeline.ProcessAsync([Text(2, 32, command, IncomingKind.Command)], CancellationToken.None);

        var reply = Assert.Single(_store.Outbox).Message.Text;
        Assert.Contains("/" + new string('x', Echo.MaxLength) + "…", reply);
        Assert.DoesNotContain(new string('x', Echo.MaxLength + 1), reply);
        Assert.True(reply.Length < 400, $"{reply.Length} characters");
    }

    [Fact]
    public async Task LongReply_LeavesAsSeveralMessagesSplitAtLineBreaks_WithTheButtonsOnTheLast()
    {
        await OpenQuotingFlowAsync(33);

        await _pipeline.ProcessAsync([Text(3, 33, "long")], CancellationToken.None);

        var parts = _store.Outbox.Select(e => e.Message).ToList();
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Text.Length, 1, MessageSplitter.MaxTextLength));
        Assert.Equal(QuotingFlow.LongText, string.Join("\n", parts.Select(p => p.Text)));
        Assert.All(parts, p => Assert.EndsWith(".", p.Text)); // cut between lines, never inside one
        Assert.Equal(["u:33:3:0", "u:33:3:1", "u:33:3:2"], parts.Select(p => p.Id));
        Assert.Null(parts[0].Buttons);
        Assert.Null(parts[1].Buttons);
        Assert.Equal("menu:help", Assert.Single(Assert.Single(parts[2].Buttons!)).Data);
    }

    [Fact]
    public async Task LongNotice_IsWrittenAsSeveralMessages_TheFirstKeepingTheDedupeId()
    {
        var writer = new NotificationWriter(_store, new NoNotifier(), new FakeTimeProvider(), Options.Create(new QuietHours()));
        var notice = new OutgoingMessage { Id = "digest:c1:2026-W48", ChatId = 34, Text = QuotingFlow.LongText };

        await writer.WriteAsync([notice], CancellationToken.None);
        await writer.WriteAsync([notice], CancellationToken.None);

        Assert.Equal(["digest:c1:2026-W48", "digest:c1:2026-W48:p2", "digest:c1:2026-W48:p3"], _store.Outbox.Select(e => e.Id));
        Assert.Equal(QuotingFlow.LongText, string.Join("\n", _store.Outbox.Select(e => e.Message.Text)));
    }

    [Fact]
    public void SplitText_CutsALineLongerThanTheLimit_WithoutBreakingASurrogatePair()
    {
        var text = new string('a', 9) + "😀" + new string('b', 5);

        var parts = MessageSplitter.SplitText(text, maxLength: 10);

        Assert.Equal([new string('a', 9), "😀" + new string('b', 5)], parts);
    }

    /// <summary>A flow that quotes the user in an exception, or answers "long" with a 10,000-character text and a button.</summary>
    private sealed class QuotingFlow : IFlow
    {
        public const string FlowName = "quoting";

        /// <summary>200 lines of 49 characters and a full stop: 10,000 characters.</summary>
        public static readonly string LongText = string.Join("\n", Enumerable.Range(0, 200).Select(i => $"Baris {i:D3} " + new string('a', 39) + "."));

        public string Name => FlowName;

        public Task StartAsync(TurnContext context) => Task.CompletedTask;

        public Task HandleAsync(TurnContext context)
        {
            var text = context.Message.Text ?? "";
            if (text.StartsWith("throw ", StringComparison.Ordinal))
                throw new FormatException($"The input string '{text}' was not in a correct format.");
            context.Reply(LongText, [[new Button("?", "menu:help")]]);
            return Task.CompletedTask;
        }

        public Task HelpAsync(TurnContext context) => Task.CompletedTask;

        public Task<bool> BackAsync(TurnContext context) => Task.FromResult(false);

        public StateMachineInfo Describe() => throw new NotSupportedException();
    }

    private sealed class NoNotifier : IOutboxNotifier
    {
        public void Notify(IReadOnlyList<OutgoingMessage> committed)
        {
        }
    }
}
