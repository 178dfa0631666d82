namespace Ikm.Workflow.Documents;

public static class DocumentCollections
{
    public static string Of(Type type) =>
        (type.GetCustomAttributes(typeof(DocumentCollectionAttribute), false).FirstOrDefault() as DocumentCollectionAttribute)?.Name
        ?? throw new InvalidOperationException($"{type.Name} has no [DocumentCollection].");

    public static string Of<T>() where T : IDocument => Of(typeof(T));
}
