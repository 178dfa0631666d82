using System.Text;
using Ikm.Workflow.Texts;

namespace Ikm.Scheduler.Digests;

/// <summary>
/// A message made of sections whose lists shrink together ("…dan N lainnya") until the text fits Telegram's limit,
/// so a cohort of 600 IKMs still gets one readable message rather than a rejected one.
/// </summary>
internal sealed class DigestText(string language)
{
    private readonly List<(IReadOnlyList<string> Head, IReadOnlyList<string> Items, bool IsList)> _sections = [];

    /// <summary>Lines always shown.</summary>
    public DigestText Lines(params string[] lines)
    {
        _sections.Add((lines, [], false));
        return this;
    }

    /// <summary>A header and a list that may be cut short.</summary>
    public DigestText List(string header, IReadOnlyList<string> items, bool omitWhenEmpty = false)
    {
        if (omitWhenEmpty && items.Count == 0)
            return this;
        _sections.Add(([header], items, true));
        return this;
    }

    public string Render(int maxItems, int maxLength)
    {
        for (var limit = maxItems; ; limit = limit > 3 ? limit * 2 / 3 : limit - 1)
        {
            var text = Render(limit);
            if (text.Length <= maxLength || limit <= 0)
                return text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");
        }
    }

    private string Render(int limit)
    {
        var sb = new StringBuilder();
        foreach (var (head, items, isList) in _sections)
        {
            if (sb.Length > 0)
                sb.Append('\n');
            foreach (var line in head)
                sb.Append(line).Append('\n');
            // A list heading ("…:") with nothing under it says so, rather than reading as if the list were cut off.
            if (isList && items.Count == 0 && head[^1].EndsWith(':'))
                sb.Append(DigestTexts.EmptyList.In(language)).Append('\n');
            var shown = Math.Min(limit, items.Count);
            for (var i = 0; i < shown; i++)
                sb.Append(items[i]).Append('\n');
            if (items.Count > shown)
                sb.Append(DigestTexts.More.In(language, items.Count - shown)).Append('\n');
        }

        return sb.ToString().TrimEnd('\n');
    }
}

internal static class TextExtensions
{
    public static string F(this Text text, string language, params object[] args) => text.In(language, args);
}
