using Ikm.Workflow.Conversations;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Engine;

/// <summary>
/// One update being handled: what came in, the chat's conversation (a working copy), the member, and what to send.
/// Flows change the conversation and member here; the pipeline writes them in one go.
/// </summary>
public sealed class TurnContext(IncomingMessage message, Conversation conversation, Member? member, DateTimeOffset now, BotOptions options, ChatWork? work = null)
{
    private readonly List<OutgoingMessage> _outgoing = [];
    private string? _preface;

    public IncomingMessage Message { get; } = message;
    public Conversation Conversation { get; } = conversation;
    public Member? Member { get; private set; } = member;
    public bool MemberChanged { get; private set; }
    public DateTimeOffset Now { get; } = now;
    public BotOptions Options { get; } = options;
    public string Language => Conversation.Language;
    public IReadOnlyList<OutgoingMessage> Outgoing => _outgoing;

    /// <summary>Domain reads and staged writes of this chat (business, diagnoses…), committed with the conversation.</summary>
    public ChatWork Work => work ?? throw new InvalidOperationException("This turn has no domain access.");

    public string T(Text text) => text.In(Language);

    public string T(Text text, params object[] args) => text.In(Language, args);

    /// <summary>Queues a text reply. Its id is derived from the update, so replaying the update cannot send it twice.</summary>
    public void Reply(
        string text,
        IReadOnlyList<IReadOnlyList<Button>>? buttons = null,
        IReadOnlyList<IReadOnlyList<KeyboardKey>>? keyboard = null,
        bool removeKeyboard = false) =>
        Add(new OutgoingMessage
        {
            Id = "",
            ChatId = Message.ChatId,
            Text = text,
            Buttons = buttons,
            Keyboard = keyboard,
            RemoveKeyboard = removeKeyboard,
        });

    public void Send(OutgoingMessage message) => Add(message with { ChatId = Message.ChatId });

    /// <summary>A message to another chat (a coordinator told of a new registration…), written with this update.</summary>
    public void SendTo(long chatId, string text, IReadOnlyList<IReadOnlyList<Button>>? buttons = null) =>
        Add(new OutgoingMessage { Id = "", ChatId = chatId, Text = text, Buttons = buttons });

    public void SetMember(Member member)
    {
        Member = member;
        MemberChanged = true;
    }

    public void ClearOutgoing() => _outgoing.Clear();

    /// <summary>Text put before the next reply to this chat (a refusal before the question asked again), so both arrive as one message.</summary>
    public void PrefaceNextReply(string text) => _preface = _preface is null ? text : _preface + "\n\n" + text;

    /// <summary>Sends a preface no reply took up on its own.</summary>
    public void FlushPreface()
    {
        if (_preface is not { } alone) return;
        _preface = null;
        Reply(alone);
    }

    /// <summary>Every message of a turn passes here: a text too long for the channel becomes several, each with its own id.</summary>
    private void Add(OutgoingMessage message)
    {
        if (_preface is { } preface && message.ChatId == Message.ChatId && message.Kind == OutgoingKind.Text)
        {
            _preface = null;
            message = message with { Text = preface + "\n\n" + message.Text };
        }

        foreach (var part in MessageSplitter.Split(message))
            _outgoing.Add(part with { Id = NextId() });
    }

    private string NextId() => $"u:{Message.ChatId}:{Message.UpdateId}:{_outgoing.Count}";
}
