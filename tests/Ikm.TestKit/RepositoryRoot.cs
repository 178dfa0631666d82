namespace Ikm.TestKit;

public static class RepositoryRoot
{
    /// <summary>The folder holding Ikm.Bot.sln, found by walking up from the test binaries.</summary>
    public static string Path => field ??= Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Ikm.Bot.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("Ikm.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
