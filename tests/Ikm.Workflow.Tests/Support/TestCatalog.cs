using Ikm.TestKit;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Tests.Support;

/// <summary>The shipped questionnaires, read from the repository's questionnaires folder.</summary>
public sealed class TestCatalog : IQuestionnaireCatalog
{
    public static readonly TestCatalog Instance = new();

    private TestCatalog()
    {
        Registration = Load("registration.yaml");
        Diagnosis = Load("diagnosis.yaml");
        CohortForm = Load("cohort.yaml");
        Logbook = Load("logbook.yaml");
        Evaluation = Load("evaluation.yaml");
    }

    public Questionnaire Logbook { get; }

    public Questionnaire Evaluation { get; }

    public Questionnaire CohortForm { get; }

    public Questionnaire Registration { get; }

    public Questionnaire Diagnosis { get; }

    public Questionnaire? Find(string id, string version) =>
        new[] { Registration, Diagnosis }.FirstOrDefault(q => q.Id == id && q.Version == version);

    public QuestionnaireLoadResult TryUseDiagnosis(string fileName) => throw new NotSupportedException();

    public static Questionnaire Load(string fileName)
    {
        var result = QuestionnaireFile.Load(Path.Combine(RepositoryRoot.Path, "questionnaires", fileName));
        return result.Questionnaire ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
    }
}