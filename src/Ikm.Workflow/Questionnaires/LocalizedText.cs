namespace Ikm.Workflow.Questionnaires;

/// <summary>A text in several languages ("id", "en"), read with a fallback to Indonesian.</summary>
public sealed class LocalizedText
{
    public const string DefaultLanguage = "id";

    public LocalizedText(IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0)
            throw new ArgumentException("A localized text needs at least one language.", nameof(values));
        Values = values;
    }

    /// <summary>Text by language code.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    public static LocalizedText Of(string id, string en) => new(new Dictionary<string, string> { ["id"] = id, ["en"] = en });

    /// <summary>The same text whatever the language (a YAML label written as a plain string).</summary>
    public static LocalizedText Invariant(string text) => new(new Dictionary<string, string> { [DefaultLanguage] = text });

    /// <summary>The text in <paramref name="language"/>, else Indonesian, else the first one given.</summary>
    public string Get(string language) =>
        Values.TryGetValue(language, out var text) ? text
        : Values.TryGetValue(DefaultLanguage, out var fallback) ? fallback
        : Values.Values.First();

    /// <summary>True when any language's text equals <paramref name="text"/>, ignoring case and outer spaces.</summary>
    public bool Matches(string text) =>
        Values.Values.Any(v => string.Equals(v.Trim(), text.Trim(), StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Get(DefaultLanguage);
}
