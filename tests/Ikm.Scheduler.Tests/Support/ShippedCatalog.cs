using Ikm.Storage.Files;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Questionnaires;

namespace Ikm.Scheduler.Tests.Support;

/// <summary>The shipped registration and diagnosis files (found above the test binaries), for what names a sentra or an area.</summary>
public sealed class ShippedCatalog : IQuestionnaireCatalog
{
    public static readonly ShippedCatalog Instance = new();

    public static readonly SentraLabels Sentra = new(Instance);

    private ShippedCatalog()
    {
        Registration = Load("registration.yaml");
        Diagnosis = Load("diagnosis.yaml");
    }

    public Questionnaire Registration { get; }

    public Questionnaire Diagnosis { get; }

    public Questionnaire CohortForm => throw new NotSupportedException();

    public Questionnaire Logbook => throw new NotSupportedException();

    public Questionnaire Evaluation => throw new NotSupportedException();

    public Questionnaire? Find(string id, string version) => null;

    public QuestionnaireLoadResult TryUseDiagnosis(string fileName) => throw new NotSupportedException();

    private static Questionnaire Load(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "questionnaires", fileName);
            if (File.Exists(path))
            {
                var result = QuestionnaireFiles.Load(path);
                return result.Questionnaire ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
            }
        }

        throw new FileNotFoundException($"questionnaires/{fileName} not found above " + AppContext.BaseDirectory);
    }
}
