using Ikm.Storage.Files;
using Ikm.Workflow.Questionnaires;

namespace Ikm.Storage.Tests.Files;

public sealed class QuestionnaireFilesTests
{
    private const string Header = """
        id: test
        version: "3"
        title: { id: Uji, en: Test }
        areas:
          - id: finance
            label: { id: Keuangan, en: Finance }
            plan:
              - { id: Buku kas, en: Cash book }
        questions:

        """;

    [Fact]
    public void Load_ReportsFileNotFound_WhenPathMissing()
    {
        var result = QuestionnaireFiles.Load(Path.Combine(Path.GetTempPath(), "ikm-no-such-questionnaire.yaml"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(QuestionnaireErrorKind.FileNotFound, error.Kind);
        Assert.Equal("ikm-no-such-questionnaire.yaml", error.Source);
    }

    [Fact]
    public void Load_UsesFileNameAsSource_WhenFileHasErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ikm-broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Header + """
              - id: q1
                type: selectone
                label: Satu
            """);
        try
        {
            var error = Assert.Single(QuestionnaireFiles.Load(path).Errors);

            Assert.StartsWith($"{Path.GetFileName(path)}:11:", error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
