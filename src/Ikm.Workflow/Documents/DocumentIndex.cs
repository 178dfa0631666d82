using System.Globalization;

namespace Ikm.Workflow.Documents;

/// <summary>
/// One index entry of a document — its name and the value written the one way both the document and every lookup
/// write it — so no caller spells an index name or formats an id by hand.
/// </summary>
public readonly record struct DocumentIndex(string Name, string Value)
{
    public static DocumentIndex Cohort(string cohortId) => new("cohort", cohortId);

    public static DocumentIndex Business(Guid businessId) => new("business", businessId.ToString());

    public static DocumentIndex Mentor(long userId) => new("mentor", Invariant(userId));

    public static DocumentIndex Owner(long userId) => new("owner", Invariant(userId));

    /// <summary>A staff member of a cohort (coordinator, mentor).</summary>
    public static DocumentIndex User(long userId) => new("user", Invariant(userId));

    public static DocumentIndex Author(long userId) => new("author", Invariant(userId));

    public static DocumentIndex Chat(long chatId) => new("chat", Invariant(chatId));

    public static DocumentIndex Month(string monthKey) => new("month", monthKey);

    public static DocumentIndex Status<TStatus>(TStatus status) where TStatus : struct, Enum => new("status", status.ToString());

    /// <summary>A work list of the photo job (visits with photos to copy, or copies to delete).</summary>
    public static DocumentIndex Photos(string workList) => new("photos", workList);

    /// <summary>What <see cref="IDocument.Indexes"/> returns: the entries by name.</summary>
    public static IReadOnlyDictionary<string, string> Of(params IEnumerable<DocumentIndex> entries) =>
        entries.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);

    private static string Invariant(long id) => id.ToString(CultureInfo.InvariantCulture);
}
