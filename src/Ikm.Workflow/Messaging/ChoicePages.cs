namespace Ikm.Workflow.Messaging;

/// <summary>One page of a long list of choices, with its 0-based number and the number of pages.</summary>
public sealed record ChoicePage(IReadOnlyList<IReadOnlyList<Button>> Rows, int Number, int Count);

/// <summary>
/// A list of choices (one button a row: IKMs, mentors) longer than a channel can offer in one message, cut into pages
/// of what it can offer with ◀ / ▶ buttons; a list that fits is one page without them. Numbers a list no longer has
/// (it shrank since the page was sent, or the data was forged) show the nearest page that exists.
/// </summary>
public static class ChoicePages
{
    /// <summary>◀ and ▶: a middle page spends two of the channel's choices on them.</summary>
    public const int NavigationButtons = 2;

    public static ChoicePage Page(
        IReadOnlyList<IReadOnlyList<Button>> rows, int requested, ChannelCapabilities caps, Func<int, string> pageData, string previous, string next)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(caps);
        ArgumentNullException.ThrowIfNull(pageData);
        if (rows.Sum(r => r.Count) <= caps.ChoicesPerMessage) return new ChoicePage(rows, 0, 1);

        var size = caps.ChoicesPerMessage - NavigationButtons;
        var count = (rows.Count + size - 1) / size;
        var number = Math.Clamp(requested, 0, count - 1);
        var page = rows.Skip(number * size).Take(size).ToList();
        var navigation = new List<Button>(NavigationButtons);
        if (number > 0) navigation.Add(new Button(previous, pageData(number - 1)));
        if (number < count - 1) navigation.Add(new Button(next, pageData(number + 1)));
        page.Add(navigation);
        return new ChoicePage(page, number, count);
    }
}
