using System.Text;

namespace Ikm.Workflow.Messaging;

/// <summary>
/// Telegram refuses a text over 4,096 characters (and WhatsApp has the same limit), so a long reply would never
/// arrive. Every outgoing text is cut into parts at line breaks (inside a line only when the line alone is too long);
/// buttons and keyboards go with the last part, where the user reads on.
/// </summary>
public static class MessageSplitter
{
    public const int MaxTextLength = 4096;

    public static IReadOnlyList<OutgoingMessage> Split(OutgoingMessage message, int maxLength = MaxTextLength)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != OutgoingKind.Text || message.Text.Length <= maxLength)
            return [message];

        var texts = SplitText(message.Text, maxLength);
        var parts = new List<OutgoingMessage>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var last = i == texts.Count - 1;
            parts.Add(message with
            {
                Text = texts[i],
                Buttons = last ? message.Buttons : null,
                Keyboard = last ? message.Keyboard : null,
                RemoveKeyboard = last && message.RemoveKeyboard,
            });
        }

        return parts;
    }

    /// <summary>Parts of at most <paramref name="maxLength"/> characters, none empty, never cutting a surrogate pair.</summary>
    public static IReadOnlyList<string> SplitText(string text, int maxLength = MaxTextLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var parts = new List<string>();
        var current = new StringBuilder();

        void Flush()
        {
            if (current.Length > 0) parts.Add(current.ToString());
            current.Clear();
        }

        foreach (var line in text.Split('\n'))
        {
            var rest = line;
            while (rest.Length > maxLength)
            {
                Flush();
                var cut = char.IsHighSurrogate(rest[maxLength - 1]) ? maxLength - 1 : maxLength;
                parts.Add(rest[..cut]);
                rest = rest[cut..];
            }

            if (current.Length > 0 && current.Length + 1 + rest.Length > maxLength)
                Flush();
            if (current.Length > 0)
                current.Append('\n');
            current.Append(rest);
        }

        Flush();
        return parts;
    }
}
