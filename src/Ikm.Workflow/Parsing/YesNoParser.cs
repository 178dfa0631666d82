using System.Text.RegularExpressions;

namespace Ikm.Workflow.Parsing;

/// <summary>
/// Reads yes or no as typed in chat: "ya", "iya", "y", "betul", "ok", "sudah", "tidak", "nggak", "gak", "tdk",
/// "belum", "bukan", "yes", "no", and the button values "yes"/"no".
/// </summary>
public static partial class YesNoParser
{
    public const string YesValue = "yes";
    public const string NoValue = "no";

    public static ParseResult<bool> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ParseResult<bool>.Failure(InputKind.YesNo, ParseErrorKind.Empty);

        var s = text.Trim().ToLowerInvariant();
        s = TrailingPunctuationRegex().Replace(s, "");
        s = SpacesRegex().Replace(s, " ");
        // Stretched letters are how chat says it warmly ("iyaaa", "gakkk"); three or more collapse to one.
        var collapsed = StretchedRegex().Replace(s, "$1");

        if (IndonesianWords.Yes.Contains(s) || IndonesianWords.Yes.Contains(collapsed))
            return ParseResult<bool>.Success(true);
        if (IndonesianWords.No.Contains(s) || IndonesianWords.No.Contains(collapsed))
            return ParseResult<bool>.Success(false);
        return ParseResult<bool>.Failure(InputKind.YesNo, ParseErrorKind.Invalid);
    }

    /// <summary>The stored form of a yes/no answer.</summary>
    public static string ToValue(bool answer) => answer ? YesValue : NoValue;

    [GeneratedRegex(@"[\s.!?,;:)(]+$")]
    private static partial Regex TrailingPunctuationRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesRegex();

    [GeneratedRegex(@"([a-z])\1{2,}")]
    private static partial Regex StretchedRegex();
}
