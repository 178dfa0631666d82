namespace Ikm.Workflow.Texts;

/// <summary>A user-facing text in Bahasa Indonesia (first) and English. Placeholders use string.Format.</summary>
public sealed record Text(string Id, string En)
{
    public string In(string language) => language == Languages.English ? En : Id;

    public string In(string language, params object[] args) =>
        string.Format(Languages.Culture(language), In(language), args);
}

public static class Languages
{
    public const string Indonesian = "id";
    public const string English = "en";

    private static readonly System.Globalization.CultureInfo IdCulture = new("id-ID");
    private static readonly System.Globalization.CultureInfo EnCulture = new("en-US");

    public static System.Globalization.CultureInfo Culture(string language) =>
        language == English ? EnCulture : IdCulture;

    /// <summary>Our language for a client language code: English only when asked for, Bahasa Indonesia otherwise.</summary>
    public static string Normalize(string? code, string fallback = Indonesian) => code switch
    {
        null or "" => fallback,
        _ when code.StartsWith("en", StringComparison.OrdinalIgnoreCase) => English,
        _ when code.StartsWith("id", StringComparison.OrdinalIgnoreCase) => Indonesian,
        _ => fallback,
    };
}
