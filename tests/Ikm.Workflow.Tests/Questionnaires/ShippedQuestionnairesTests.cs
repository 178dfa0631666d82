using Ikm.Workflow.Tests.Support;
using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Tests.Questionnaires;

/// <summary>Every YAML file shipped in questionnaires/ must load cleanly: a coordinator may switch a cohort to any of them.</summary>
public sealed class ShippedQuestionnairesTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "questionnaires"), "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void LoadFile_ReturnsNoErrors_WhenShippedFile(string fileName)
    {
        var result = QuestionnaireFile.Load(Path.Combine(RepositoryFiles.Root, "questionnaires", fileName));

        Assert.True(result.IsSuccess, string.Join(Environment.NewLine, result.Errors));
        Assert.NotEmpty(result.Questionnaire.Questions);
    }
}
