namespace Ikm.Workflow.Documents;

/// <summary>
/// An aggregate stored as one document in its own collection, found by id or by a few named index values
/// (e.g. "cohort" → cohort id, "mentor" → mentor user id). Adding a new aggregate needs no change to the adapters:
/// only its type in the stores' serializer registration.
/// </summary>
public interface IDocument
{
    /// <summary>Stable, unique within the collection.</summary>
    string Id { get; }

    /// <summary>Incremented by the store on every write.</summary>
    long Version { get; set; }

    /// <summary>The values it can be found by: index name → value. Recomputed on every write.</summary>
    IReadOnlyDictionary<string, string> Indexes();
}

/// <summary>The collection name of a document type: <c>[DocumentCollection("visits")]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DocumentCollectionAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>A write of one document (upsert), or its removal.</summary>
public sealed record DocumentChange(IDocument Document, bool Delete = false)
{
    public string Collection => DocumentCollections.Of(Document.GetType());
}

public static class DocumentCollections
{
    public static string Of(Type type) =>
        (type.GetCustomAttributes(typeof(DocumentCollectionAttribute), false).FirstOrDefault() as DocumentCollectionAttribute)?.Name
        ?? throw new InvalidOperationException($"{type.Name} has no [DocumentCollection].");

    public static string Of<T>() where T : IDocument => Of(typeof(T));
}
