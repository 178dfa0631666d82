using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Tests.Support;

/// <summary>A shipped questionnaire file read here and handed to the loader as text, as the bot's catalog does.</summary>
public static class QuestionnaireFile
{
    public static QuestionnaireLoadResult Load(string path) => QuestionnaireLoader.Load(File.ReadAllText(path), Path.GetFileName(path));
}
