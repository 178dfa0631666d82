using Ikm.TestKit;
using Ikm.Workflow.Flows.OwnerData;
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

public sealed class NoExporter : IOwnerDataExporter
{
    public byte[] ToXlsx(OwnerDataSnapshot snapshot) => [];
}

public sealed class NoReports : IProgramReports
{
    private static Task<Ikm.Workflow.Mentoring.ProgramReport> None() => Task.FromResult(new Ikm.Workflow.Mentoring.ProgramReport("-"));

    public Task<Ikm.Workflow.Mentoring.ProgramReport> WeeklyAsync(string cohortId, string language, CancellationToken ct) => None();

    public Task<Ikm.Workflow.Mentoring.ProgramReport> ExportAsync(string cohortId, string language, CancellationToken ct) => None();

    public Task<Ikm.Workflow.Mentoring.ProgramReport> ExportCsvAsync(string cohortId, string language, CancellationToken ct) => None();

    public Task<Ikm.Workflow.Mentoring.ProgramReport> LateAsync(string cohortId, string language, CancellationToken ct) => None();

    public Task<Ikm.Workflow.Mentoring.ProgramReport> RankingAsync(string cohortId, string language, CancellationToken ct) => None();
}
