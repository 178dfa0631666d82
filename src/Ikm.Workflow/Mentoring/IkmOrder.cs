namespace Ikm.Workflow.Mentoring;

/// <summary>
/// The order of every list of IKMs a person reads — a mentor's buttons, the coordinator's assignment list, a reminder's
/// lines: by business name, as on a paper list, and so the same every time (the store's order is the order of random
/// ids). The id breaks a tie between two equal names.
/// </summary>
public static class IkmOrder
{
    /// <summary>Case aside ("abon…" before "Bawang…"), and the same on every machine (no culture data).</summary>
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    public static IOrderedEnumerable<T> ByBusinessName<T>(this IEnumerable<T> items, Func<T, string?> businessName, Func<T, Guid> businessId) =>
        items.OrderBy(i => businessName(i) ?? "", Names).ThenBy(businessId);

    /// <summary>A tie of a list ordered by something else first (a month, a score) broken as <see cref="ByBusinessName"/> orders.</summary>
    public static IOrderedEnumerable<T> ThenByBusinessName<T>(this IOrderedEnumerable<T> items, Func<T, string?> businessName, Func<T, Guid> businessId) =>
        items.ThenBy(i => businessName(i) ?? "", Names).ThenBy(businessId);
}
