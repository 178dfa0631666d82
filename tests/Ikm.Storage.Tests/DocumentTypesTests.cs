using Ikm.Storage.Sqlite;
using Ikm.Workflow.Documents;

namespace Ikm.Storage.Tests;

/// <summary>The registration of document types: one list both adapters iterate, and the JSON context beside it.</summary>
public sealed class DocumentTypesTests
{
    [Fact]
    public void All_ListsEveryDocumentTypeOfTheWorkflow()
    {
        var declared = typeof(IDocument).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDocument).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal);

        // A missing type: add typeof(X) to DocumentTypes.All and [JsonSerializable(typeof(X))] to DocumentJsonContext.
        Assert.Equal(declared, DocumentTypes.All.Select(t => t.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void All_HaveSourceGeneratedJson_AndDistinctCollections()
    {
        Assert.All(DocumentTypes.All, t => Assert.Same(t, SqliteWriter.DocumentJson(t).Type));
        Assert.Equal(
            DocumentTypes.All.Count,
            DocumentTypes.All.Select(DocumentCollections.Of).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EnsureRegistered_Throws_ForATypeNotInTheList()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => DocumentTypes.EnsureRegistered(typeof(BotStoreContract.Unregistered)));

        Assert.Contains("DocumentTypes.All", error.Message, StringComparison.Ordinal);
    }
}
