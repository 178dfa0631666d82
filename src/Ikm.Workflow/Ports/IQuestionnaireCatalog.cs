using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Ports;

/// <summary>The questionnaires in use: validated before use, never half-loaded.</summary>
public interface IQuestionnaireCatalog
{
    Questionnaire Registration { get; }

    /// <summary>The coordinator's cohort form.</summary>
    Questionnaire CohortForm { get; }

    /// <summary>The mentor's visit logbook.</summary>
    Questionnaire Logbook { get; }

    /// <summary>The monthly evaluation, asked once per area of an IKM's plan.</summary>
    Questionnaire Evaluation { get; }

    /// <summary>The diagnosis new responses use (the default file, or the one a coordinator chose).</summary>
    Questionnaire Diagnosis { get; }

    /// <summary>A questionnaire by id and version, for resuming or showing a response made with an earlier file.</summary>
    Questionnaire? Find(string id, string version);

    /// <summary>
    /// Points new diagnoses at another YAML file of the questionnaires folder. A file with errors is refused with the
    /// loader's errors and the current questionnaire stays.
    /// </summary>
    QuestionnaireLoadResult TryUseDiagnosis(string fileName);
}
