namespace Ikm.Workflow.Mentoring;

/// <summary>The three zones a cohort can be in, by the key its form stores (wib, wita, wit).</summary>
public static class IndonesianTimeZones
{
    public static readonly IReadOnlyDictionary<string, string> ByKey = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["wib"] = "Asia/Jakarta",
        ["wita"] = "Asia/Makassar",
        ["wit"] = "Asia/Jayapura",
    };

    /// <summary>The local date of <paramref name="now"/> in the zone of <paramref name="key"/>; Western Indonesia (WIB) when the key is unknown.</summary>
    public static DateOnly Today(DateTimeOffset now, string? key) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(
            key is not null && ByKey.TryGetValue(key, out var id) ? id : ByKey["wib"])).DateTime);
}
