namespace Ikm.Workflow.Tests.Questionnaires;

/// <summary>Finds files of the repository from the test binaries, by walking up to the folder holding Ikm.Bot.sln.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string DiagnosisQuestionnaire => Path.Combine(Root, "questionnaires", "diagnosis.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ikm.Bot.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Ikm.Bot.sln not found above {AppContext.BaseDirectory}.");
    }
}
