namespace Ikm.Workflow.Kernel;

/// <summary>
/// One kind of button's callback data, "{prefix}:{field}:{field}…", written from a record and read back into one: no
/// handler slices strings. Written through <see cref="ChoiceCodec.Checked"/>, so data over Telegram's 64 bytes fails
/// when the button is built (in tests), never in a chat. Fields must not contain ':'.
/// </summary>
public sealed class ButtonKind<T>(string prefix, Func<T, IReadOnlyList<string>> write, Func<IReadOnlyList<string>, T?> read)
    where T : class
{
    public string Prefix { get; } = prefix;

    public string Encode(T value)
    {
        var fields = write(value);
        if (fields.Any(f => f.Contains(':'))) throw new ArgumentException($"A field of a '{Prefix}' button contains ':'.", nameof(value));
        return ChoiceCodec.Checked(Prefix + ":" + string.Join(':', fields));
    }

    /// <summary>The record the data carries, or null when the data is not this kind's (or is malformed: a forged or old button).</summary>
    public T? Decode(string? data) =>
        data is not null && data.StartsWith(Prefix + ":", StringComparison.Ordinal) ? read(data[(Prefix.Length + 1)..].Split(':')) : null;
}

/// <summary>Button kinds of one field, the common case (an id).</summary>
public static class ButtonKind
{
    public static ButtonKind<Id> Of(string prefix) => new(prefix, id => [id.Value], fields => fields is [var value] && value.Length > 0 ? new Id(value) : null);

    /// <summary>A single id carried by a button (a cohort, a membership).</summary>
    public sealed record Id(string Value);
}
