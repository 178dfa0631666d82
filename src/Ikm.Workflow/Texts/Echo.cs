namespace Ikm.Workflow.Texts;

/// <summary>
/// What of a user's own input a reply may repeat: at most <see cref="MaxLength"/> characters, then "…". Keeps a
/// pasted essay (or a 5,000-character "/command") from being mirrored back into a reply the channel would refuse.
/// </summary>
public static class Echo
{
    public const int MaxLength = 50;

    public static string Clip(string? input)
    {
        if (string.IsNullOrEmpty(input) || input.Length <= MaxLength) return input ?? "";
        var cut = char.IsHighSurrogate(input[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return input[..cut] + "…";
    }
}
