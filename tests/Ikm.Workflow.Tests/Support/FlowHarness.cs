using Ikm.Workflow.Conversations;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Tests.Support;

/// <summary>
/// Drives one flow through the kernel without an emulator or a pipeline: each call is one update on the same
/// conversation, with domain reads and writes against an in-memory store. What the flow said is in <see cref="Replies"/>.
/// </summary>
public sealed class FlowHarness(IFlow flow, Member? member = null, InMemoryStore? store = null)
{
    private long _updateId;
    private readonly List<OutgoingMessage> _replies = [];

    public Conversation Conversation { get; } = Conversation.New(ChatId, ChatId, "id");
    public InMemoryStore Store { get; } = store ?? new InMemoryStore();
    public Member? Member { get; } = member;
    public DateTimeOffset Now { get; set; } = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);
    public const long ChatId = 4242;

    /// <summary>Everything the flow replied, in order.</summary>
    public IReadOnlyList<OutgoingMessage> Replies => _replies;

    public OutgoingMessage LastReply => _replies[^1];

    /// <summary>What the last update staged (documents, deleted members…), as the pipeline would commit it.</summary>
    public ChatWork LastWork { get; private set; } = null!;

    public Task StartAsync() => TurnAsync(new IncomingMessage { UpdateId = 0, ChatId = ChatId, UserId = ChatId, Kind = IncomingKind.Command, Text = "/start" }, flow.StartAsync);

    public Task TextAsync(string text) => SendAsync(IncomingKind.Text, m => m with { Text = text });

    public Task PressAsync(string data) => SendAsync(IncomingKind.Button, m => m with { ButtonData = data });

    public Task LocationAsync(double latitude, double longitude) => SendAsync(IncomingKind.Location, m => m with { Location = new GeoPoint(latitude, longitude) });

    public Task PhotoAsync(string fileId) => SendAsync(IncomingKind.Photo, m => m with { PhotoFileId = fileId });

    public Task HelpAsync() => TurnAsync(Message(IncomingKind.Command) with { Text = "/bantuan" }, flow.HelpAsync);

    public async Task<bool> BackAsync()
    {
        var went = false;
        await TurnAsync(Message(IncomingKind.Command) with { Text = "/kembali" }, async c => went = await flow.BackAsync(c));
        return went;
    }

    /// <summary>The data of the button labelled <paramref name="label"/> in the last reply.</summary>
    public string Button(string label) =>
        LastReply.Buttons?.SelectMany(row => row).FirstOrDefault(b => b.Label == label)?.Data
        ?? throw new InvalidOperationException($"The last reply has no button '{label}'.");

    private Task SendAsync(IncomingKind kind, Func<IncomingMessage, IncomingMessage> shape) =>
        TurnAsync(shape(Message(kind)), flow.HandleAsync);

    private IncomingMessage Message(IncomingKind kind) =>
        new() { UpdateId = ++_updateId, ChatId = ChatId, UserId = ChatId, Kind = kind };

    /// <summary>Any other entry point of the flow (a /bahasa, a resume from a button…), as one update.</summary>
    public Task TurnAsync(Func<TurnContext, Task> act) => TurnAsync(Message(IncomingKind.Command) with { Text = "/x" }, act);

    private async Task TurnAsync(IncomingMessage message, Func<TurnContext, Task> act)
    {
        var work = new ChatWork(Store, CancellationToken.None, Store);
        var context = new TurnContext(message, Conversation, Member, Now, new BotOptions(), work);
        LastWork = work;
        await act(context);
        foreach (var reply in context.Outgoing)
            TelegramFit.AssertShownAsBuilt(reply);
        _replies.AddRange(context.Outgoing);
        // What the turn staged is stored, as the pipeline would commit it, so that the next turn reads it back.
        if (work.StagedDocuments.Count > 0)
            await Store.CommitAsync([new Ikm.Workflow.Storage.ChangeSet { Documents = work.StagedDocuments }], CancellationToken.None);
    }
}
