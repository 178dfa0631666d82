using System.Globalization;

namespace Ikm.Workflow.Parsing;

/// <summary>
/// Reads the digits-and-separators part of a number the way Indonesians write it — dots group thousands
/// ("1.250.000"), a comma marks the fraction ("2,5") — while still accepting the English habits people copy from
/// their phones ("1.5", "2,500,000", "1,250.50").
/// </summary>
internal static class IndonesianNumber
{
    /// <summary>More digits than any amount a small business will state; keeps decimal arithmetic far from overflow.</summary>
    private const int MaxDigits = 20;

    /// <param name="text">Only digits, '.' and ','; no spaces, no sign.</param>
    /// <param name="commaGroupsThousands">
    /// When a lone comma is followed by exactly three digits, read it as a thousands separator ("2,500" rupiah is
    /// 2500, not 2.5). Used for plain money amounts, where fractions make no sense.
    /// </param>
    public static bool TryParse(string text, bool commaGroupsThousands, out decimal value)
    {
        value = 0;
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[^1]))
            return false;

        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
                digits++;
            else if (c is not ('.' or ','))
                return false;
            else if (!char.IsAsciiDigit(text[i - 1]))
                return false; // two separators in a row
        }
        if (digits > MaxDigits)
            return false;

        var dots = text.Count(c => c == '.');
        var commas = text.Count(c => c == ',');

        string integerPart;
        var fraction = "";
        if (dots > 0 && commas > 0)
        {
            // Both present: the last one is the decimal mark and may appear once; the other groups thousands.
            var decimalMark = text[text.LastIndexOfAny(['.', ','])];
            var groupMark = decimalMark == '.' ? ',' : '.';
            var at = text.LastIndexOf(decimalMark);
            if (text.IndexOf(decimalMark) != at)
                return false;
            integerPart = text[..at];
            fraction = text[(at + 1)..];
            if (fraction.Contains(groupMark) || !IsGrouped(integerPart, groupMark))
                return false;
            integerPart = integerPart.Replace(groupMark.ToString(), "", StringComparison.Ordinal);
        }
        else if (dots + commas == 0)
        {
            integerPart = text;
        }
        else
        {
            var mark = dots > 0 ? '.' : ',';
            var count = dots + commas;
            if (count > 1)
            {
                // "2.000.000" or "2,000,000"; "1,5,5" is not a number.
                if (!IsGrouped(text, mark))
                    return false;
                integerPart = text.Replace(mark.ToString(), "", StringComparison.Ordinal);
            }
            else
            {
                var at = text.IndexOf(mark);
                var before = text[..at];
                var after = text[(at + 1)..];
                var looksGrouped = after.Length == 3 && before.Length <= 3;
                var isThousands = mark == '.' ? looksGrouped : looksGrouped && commaGroupsThousands;
                if (isThousands)
                {
                    integerPart = before + after;
                }
                else
                {
                    integerPart = before;
                    fraction = after;
                }
            }
        }

        var invariant = fraction.Length == 0 ? integerPart : integerPart + "." + fraction;
        return decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>First group 1–3 digits, every following group exactly 3.</summary>
    private static bool IsGrouped(string text, char mark)
    {
        var groups = text.Split(mark);
        if (groups[0].Length is < 1 or > 3)
            return false;
        for (var i = 1; i < groups.Length; i++)
        {
            if (groups[i].Length != 3)
                return false;
        }
        return true;
    }

    /// <summary>Drops trailing zeros of the scale so 1250000.00m and 1250000m print alike.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
