namespace Ikm.Workflow.Documents;

public static class DocumentIndexMatch
{
    /// <summary>The document is found under <paramref name="index"/> = <paramref name="value"/>: what a store's index lookup matches.</summary>
    public static bool IsIndexedAs(this IDocument document, string index, string value) =>
        document.Indexes().TryGetValue(index, out var indexed) && indexed == value;
}
