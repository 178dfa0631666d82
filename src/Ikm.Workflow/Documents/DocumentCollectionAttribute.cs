namespace Ikm.Workflow.Documents;

/// <summary>The collection name of a document type: <c>[DocumentCollection("visits")]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DocumentCollectionAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
