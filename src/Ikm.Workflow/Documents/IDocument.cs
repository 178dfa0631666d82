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
