using Rfc.Testing;

namespace Rfc.Documents.Tests;

/// <summary>Corpus files for tests that need real data; skips the test (with the reason) when the corpus is absent.</summary>
internal static class Corpus
{
    public static string RfcPathOrSkip(int number)
    {
        string? path = CorpusLocator.RfcPath(number);
        if (path is null || !File.Exists(path))
        {
            Assert.Skip($"RFC corpus not found (set {CorpusLocator.EnvironmentVariable} or provide ../shared/corpus); needs rfc{number}.txt");
        }

        return path;
    }

    public static string IndexPathOrSkip(string fileName)
    {
        string? path = CorpusLocator.IndexPath(fileName);
        if (path is null || !File.Exists(path))
        {
            Assert.Skip($"RFC corpus not found (set {CorpusLocator.EnvironmentVariable} or provide ../shared/corpus); needs index/{fileName}");
        }

        return path;
    }
}
