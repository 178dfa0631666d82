using Ikm.Workflow.Questionnaires;

namespace Ikm.Storage.Files;

/// <summary>
/// Reads a questionnaire file and hands its text to <see cref="QuestionnaireLoader"/>: the workflow validates YAML and
/// never touches the disk. Errors name the file, not its path.
/// </summary>
public static class QuestionnaireFiles
{
    public static QuestionnaireLoadResult Load(string path)
    {
        var name = Path.GetFileName(path);
        return File.Exists(path)
            ? QuestionnaireLoader.Load(File.ReadAllText(path), name)
            : QuestionnaireLoadResult.Failure([new QuestionnaireError(name, 0, 0, QuestionnaireErrorKind.FileNotFound, path)]);
    }
}
