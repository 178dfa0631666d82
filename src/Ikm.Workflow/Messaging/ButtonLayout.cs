using System.Globalization;
using System.Text;

namespace Ikm.Workflow.Messaging;

/// <summary>
/// A flow's buttons as a channel can show them. <see cref="Arrange"/> picks, in this order:
/// <list type="number">
/// <item><see cref="ButtonRows"/> when every button fits the channel's button limit: the flow's rows are kept, a row
/// longer than the channel allows wraps onto the next one;</item>
/// <item><see cref="ChoiceList"/> when there are too many for buttons but the channel has a list menu they fit in
/// (WhatsApp: a 5-button score scale, a mentor's 10 IKMs);</item>
/// <item><see cref="NumberedChoices"/> otherwise (or on a channel without buttons): the choices as numbered lines of
/// text, full labels; the channel remembers them and turns a typed number into the choice's data.</item>
/// </list>
/// Labels over the channel's length are ellipsized; a button's data is never changed, so a press reaches the flow as if
/// the flow's own button had been pressed.
/// </summary>
public abstract record ButtonLayout
{
    private ButtonLayout() { }

    /// <summary>The message carries no choices.</summary>
    public sealed record NoChoices : ButtonLayout;

    public sealed record ButtonRows(IReadOnlyList<IReadOnlyList<Button>> Rows) : ButtonLayout;

    /// <summary>One menu row per choice, in the flow's order.</summary>
    public sealed record ChoiceList(IReadOnlyList<Button> Rows) : ButtonLayout;

    public sealed record NumberedChoices(IReadOnlyList<Button> Choices) : ButtonLayout
    {
        /// <summary>The choice a typed number stands for (1-based), or null.</summary>
        public Button? At(int number) => number >= 1 && number <= Choices.Count ? Choices[number - 1] : null;

        /// <summary>"1. label" lines, for a channel that shows the choices below the message text.</summary>
        public string AsText() => string.Join('\n', Choices.Select((choice, i) => $"{i + 1}. {choice.Label}"));
    }

    public const string Ellipsis = "…";

    public static ButtonLayout Arrange(IReadOnlyList<IReadOnlyList<Button>>? rows, ChannelCapabilities caps)
    {
        ArgumentNullException.ThrowIfNull(caps);
        var choices = rows?.SelectMany(row => row).ToList() ?? [];
        if (choices.Count == 0)
            return new NoChoices();

        if (caps.InlineButtons && choices.Count <= caps.MaxButtons)
            return new ButtonRows(Wrapped(rows!, caps));

        if (caps.List is { } list && choices.Count <= list.MaxRows)
            return new ChoiceList([.. choices.Select(b => Labelled(b, list.MaxRowTitleLength))]);

        return new NumberedChoices(choices);
    }

    /// <summary>
    /// <paramref name="label"/> cut to at most <paramref name="maxLength"/> UTF-16 code units, ending in
    /// <see cref="Ellipsis"/> when cut; never inside a character made of several code units (an emoji, an accent).
    /// </summary>
    public static string Ellipsize(string label, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, Ellipsis.Length + 1);
        if (label.Length <= maxLength)
            return label;

        var kept = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(label);
        while (elements.MoveNext() && kept.Length + elements.GetTextElement().Length <= maxLength - Ellipsis.Length)
            kept.Append(elements.GetTextElement());
        return kept.ToString().TrimEnd() + Ellipsis;
    }

    private static List<IReadOnlyList<Button>> Wrapped(IReadOnlyList<IReadOnlyList<Button>> rows, ChannelCapabilities caps)
    {
        var wrapped = new List<IReadOnlyList<Button>>(rows.Count);
        foreach (var row in rows.Where(r => r.Count > 0))
        {
            if (row.Count <= caps.MaxButtonsPerRow && row.All(b => Fits(b, caps.MaxButtonTextLength)))
            {
                // The flow's own row object: a channel without tighter limits sends exactly what the flow built.
                wrapped.Add(row);
                continue;
            }

            var labelled = row.Select(b => caps.MaxButtonTextLength is { } max ? Labelled(b, max) : b).ToList();
            wrapped.AddRange(labelled.Chunk(caps.MaxButtonsPerRow));
        }

        return wrapped;
    }

    private static bool Fits(Button button, int? maxLength) => maxLength is not { } max || button.Label.Length <= max;

    private static Button Labelled(Button button, int maxLength) =>
        Fits(button, maxLength) ? button : button with { Label = Ellipsize(button.Label, maxLength) };
}
