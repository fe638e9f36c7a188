namespace Rfc.Testing;

/// <summary>A fresh directory under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    /// <summary>Creates the directory; <paramref name="prefix"/> names it for whoever looks in /tmp.</summary>
    public TemporaryDirectory(string prefix = "rfc-test-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>An environment with <c>RFC_HOME</c> pointing here, for runs that share one store.</summary>
    public Dictionary<string, string> StoreEnvironment => new() { ["RFC_HOME"] = Path };

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process a test killed may still be releasing a file; the OS cleans /tmp.
        }
    }
}
