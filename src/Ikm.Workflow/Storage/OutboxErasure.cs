namespace Ikm.Workflow.Storage;

/// <summary>
/// What an owner's erasure does to the outbox and the failure records, in the same write as the anonymised documents:
/// every outbox row and failed update of <see cref="ChatId"/> is deleted (pending ones too — only what this same write
/// queues still goes out), and so is every outbox row of any chat and any status that mentions one of
/// <see cref="Mentions"/> (the owner's name, business name, phone) in its text, buttons, file name or file content.
/// A pending notice naming the owner is dropped, not rewritten: the IKM has left, and its "left the program" notice
/// tells the same people what they need.
/// </summary>
public sealed record OutboxErasure(long ChatId, IReadOnlyList<string> Mentions)
{
    /// <summary>Shorter strings would match unrelated messages (a business called "Ani" is in "Mama Ani" and "Anita").</summary>
    public const int MinimumMentionLength = 4;

    /// <summary>The erasure of a chat with the given strings, blank, short and repeated ones left out.</summary>
    public static OutboxErasure Of(long chatId, IEnumerable<string?> mentions) =>
        new(chatId, [.. mentions.OfType<string>().Select(m => m.Trim())
            .Where(m => m.Length >= MinimumMentionLength)
            .Distinct(StringComparer.OrdinalIgnoreCase)]);
}
