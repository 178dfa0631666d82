using System.Text;

namespace Ikm.Workflow.Kernel;

/// <summary>
/// Callback data of a flow's buttons: "prefix:choice" (an enum member, lower case), or a <see cref="ButtonKind{T}"/>
/// under the flow's prefix ("prefix:kind:payload", <see cref="Kind"/>).
/// Telegram refuses callback data over 64 bytes, so every value is checked when it is built — a test that renders a
/// flow's buttons fails before a chat ever could.
/// </summary>
public sealed class ChoiceCodec(string prefix)
{
    /// <summary>Telegram's limit for callback_data, in bytes (UTF-8).</summary>
    public const int MaxBytes = 64;

    public string Prefix { get; } = prefix;

    public string Encode<TChoice>(TChoice choice) where TChoice : struct, Enum =>
        Checked($"{Prefix}:{choice.ToString().ToLowerInvariant()}");

    /// <summary>The flow's buttons of one kind carrying an id ("prefix:kind:id"), written and read by one <see cref="ButtonKind{T}"/>.</summary>
    public ButtonKind<ButtonKind.Id> Kind(string kind) => ButtonKind.Of($"{Prefix}:{kind}");

    public bool TryDecode<TChoice>(string? data, out TChoice choice) where TChoice : struct, Enum
    {
        choice = default;
        return data is not null
               && data.StartsWith(Prefix + ":", StringComparison.Ordinal)
               && data.IndexOf(':', Prefix.Length + 1) < 0
               && Enum.TryParse(data[(Prefix.Length + 1)..], ignoreCase: true, out choice)
               && Enum.IsDefined(choice)
               && Encode(choice) == data;
    }

    public static string Checked(string data)
    {
        var bytes = Encoding.UTF8.GetByteCount(data);
        if (bytes > MaxBytes)
            throw new ArgumentException($"Callback data of {bytes} bytes exceeds Telegram's {MaxBytes}-byte limit.", nameof(data));
        return data;
    }
}
