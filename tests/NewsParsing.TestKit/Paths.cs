namespace NewsParsing.TestKit;

/// <summary>Locates the repository, its seeds and the read-only <c>../shared</c> folder beside it.</summary>
public static class Paths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding <c>NewsParsing.sln</c>).</summary>
    public static string RepoRoot => RootPath.Value;

    /// <summary>The project's own seed and sample articles.</summary>
    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    /// <summary><c>../shared</c> from the repository root (may be absent).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>The spec files (Markdown examples), read from the source tree so edits need no rebuild.</summary>
    public static string Specs => Path.Combine(TestProject, "Specs");

    /// <summary><c>../shared/eval</c> (may be absent).</summary>
    public static string Eval => Path.Combine(Shared, "eval");

    /// <summary>Whether <c>../shared/eval</c> is present.</summary>
    public static bool EvalAvailable => Directory.Exists(Eval);

    /// <summary>The source folder of the test project (for golden, spec and approval files).</summary>
    public static string TestProject => Path.Combine(RepoRoot, "tests", "NewsParsing.Tests");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsParsing.sln")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new InvalidOperationException("Could not find NewsParsing.sln above " + AppContext.BaseDirectory);
    }
}
