namespace Rfc.Testing;

/// <summary>
/// Finds the shared RFC corpus (real RFC texts and indexes, never copied into the repository):
/// <c>RFC_CORPUS</c> if set, else the nearest <c>shared/corpus</c> walking up from the test assembly,
/// also trying <c>../shared/corpus</c> next to the folder that holds <c>rfc.slnx</c> (the layout of a worktree).
/// </summary>
public static class CorpusLocator
{
    /// <summary>The environment variable that overrides the search.</summary>
    public const string EnvironmentVariable = "RFC_CORPUS";

    /// <summary>
    /// How many loose documents (<c>rfc/rfcN.txt</c>) the shared corpus holds: tests that walk it assert they ran this
    /// many, so a corpus that went missing or shrank fails instead of passing on fewer.
    /// </summary>
    public const int DocumentCount = 2524;

    private static readonly Lazy<string?> s_root = new(Locate);

    /// <summary>The corpus root (holding <c>rfc/</c> and <c>index/</c>), or null when there is none.</summary>
    public static string? Root => s_root.Value;

    /// <summary>The path of <c>rfc/rfcN.txt</c> under the corpus, or null when there is no corpus.</summary>
    public static string? RfcPath(int number) => Root is string root ? Path.Combine(root, "rfc", $"rfc{number}.txt") : null;

    /// <summary>The path of a file under <c>index/</c>, or null when there is no corpus.</summary>
    public static string? IndexPath(string fileName) => Root is string root ? Path.Combine(root, "index", fileName) : null;

    private static string? Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string direct = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(direct))
            {
                return direct;
            }

            if (File.Exists(Path.Combine(dir.FullName, "rfc.slnx")) && dir.Parent is DirectoryInfo parent)
            {
                string sibling = Path.Combine(parent.FullName, "shared", "corpus");
                if (Directory.Exists(sibling))
                {
                    return sibling;
                }
            }
        }

        return null;
    }
}
