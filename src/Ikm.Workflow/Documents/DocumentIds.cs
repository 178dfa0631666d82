using System.Globalization;

namespace Ikm.Workflow.Documents;

/// <summary>How an aggregate keyed by a Guid gives its <see cref="IDocument.Id"/>.</summary>
public static class DocumentIds
{
    /// <summary>
    /// Lower-case "D" (sorts like the Guid's big-endian bytes). An empty Guid is no id: every new document would land
    /// on it and overwrite the last, so the commit refuses it as it refuses an empty string.
    /// </summary>
    public static string Of(Guid id) => id == Guid.Empty ? "" : id.ToString("D", CultureInfo.InvariantCulture);
}
