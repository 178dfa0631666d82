using Ikm.Storage.Files;
using System.Collections.Concurrent;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Questionnaires;

namespace Ikm.Bot.Questionnaires;

/// <summary>The "Questionnaires" configuration section.</summary>
public sealed class QuestionnaireOptions
{
    /// <summary>Folder of the YAML files; default: the questionnaires folder shipped next to the binaries.</summary>
    public string? Directory { get; init; }

    public string Registration { get; init; } = "registration.yaml";

    public string Cohort { get; init; } = "cohort.yaml";

    public string Logbook { get; init; } = "logbook.yaml";

    public string Evaluation { get; init; } = "evaluation.yaml";

    /// <summary>The diagnosis file used until a coordinator chooses another one (Questionnaires__Diagnosis).</summary>
    public string Diagnosis { get; init; } = "diagnosis.yaml";
}

/// <summary>
/// Loads and validates questionnaire files at start (a broken configured file stops the start with the loader's errors),
/// and remembers a coordinator's choice of diagnosis file in the data directory so it survives a restart.
/// </summary>
public sealed class FileQuestionnaireCatalog : IQuestionnaireCatalog
{
    private const string ChoiceFile = "active-diagnosis.txt";

    private readonly string _directory;
    private readonly string _choicePath;
    private readonly ConcurrentDictionary<(string Id, string Version), Questionnaire> _known = new();
    private volatile Questionnaire _diagnosis;

    public FileQuestionnaireCatalog(QuestionnaireOptions options, string dataDirectory)
    {
        _directory = options.Directory ?? Path.Combine(AppContext.BaseDirectory, "questionnaires");
        _choicePath = Path.Combine(dataDirectory, ChoiceFile);
        Registration = LoadOrThrow(options.Registration);
        CohortForm = LoadOrThrow(options.Cohort);
        Logbook = LoadOrThrow(options.Logbook);
        Evaluation = LoadOrThrow(options.Evaluation);
        var chosen = File.Exists(_choicePath) ? File.ReadAllText(_choicePath).Trim() : null;
        _diagnosis = chosen is { Length: > 0 } && Load(chosen) is { IsSuccess: true } result
            ? Remember(result.Questionnaire!)
            : LoadOrThrow(options.Diagnosis);
    }

    public Questionnaire Registration { get; }

    public Questionnaire CohortForm { get; }

    public Questionnaire Logbook { get; }

    public Questionnaire Evaluation { get; }

    public Questionnaire Diagnosis => _diagnosis;

    public Questionnaire? Find(string id, string version) => _known.GetValueOrDefault((id, version));

    public QuestionnaireLoadResult TryUseDiagnosis(string fileName)
    {
        var result = Load(fileName);
        if (!result.IsSuccess) return result;
        _diagnosis = Remember(result.Questionnaire!);
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(_choicePath)!);
        using (var file = PrivateFiles.Open(_choicePath, FileMode.Create))
            file.Write(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(fileName)));
        return result;
    }

    private QuestionnaireLoadResult Load(string fileName)
    {
        // Only files of the questionnaires folder: a chat command must not read arbitrary paths.
        var name = Path.GetFileName(fileName);
        var path = Path.Combine(_directory, name);
        if (!name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            path += ".yaml";
        return QuestionnaireFiles.Load(path);
    }

    private Questionnaire LoadOrThrow(string fileName)
    {
        var result = Load(fileName);
        if (!result.IsSuccess)
            throw new InvalidOperationException($"Questionnaire {fileName} is not valid:\n" + string.Join("\n", result.Errors.Select(e => e.Describe("en"))));
        return Remember(result.Questionnaire!);
    }

    private Questionnaire Remember(Questionnaire questionnaire)
    {
        _known[(questionnaire.Id, questionnaire.Version)] = questionnaire;
        return questionnaire;
    }
}
