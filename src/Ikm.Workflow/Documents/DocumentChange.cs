namespace Ikm.Workflow.Documents;

/// <summary>A write of one document (upsert), or its removal.</summary>
public sealed record DocumentChange(IDocument Document, bool Delete = false)
{
    public string Collection => DocumentCollections.Of(Document.GetType());
}
