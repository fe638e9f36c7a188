using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>Every loose RFC in the shared corpus, fetched through rfc, comes out byte for byte.</summary>
public sealed class CorpusTests
{
    /// <summary>Documents fetched per run: enough to exercise connection reuse, few enough to name a failure.</summary>
    private const int BatchSize = 100;

    public static TheoryData<string> Transports => new("http");

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Get_PrintsEveryCorpusDocumentExactly(string transport)
    {
        string folder = CorpusLocator.Root is { } root ? Path.Combine(root, "rfc") : "";
        if (!Directory.Exists(folder))
        {
            Assert.Skip($"the shared RFC corpus was not found (set {CorpusLocator.EnvironmentVariable} or place it at ../shared/corpus)");
        }

        int[] numbers = [.. Directory.EnumerateFiles(folder, "rfc*.txt").Select(path => int.Parse(Path.GetFileNameWithoutExtension(path)[3..])).Order()];
        await using KestrelServer server = await KestrelServer.ServeFolderAsync(folder);

        foreach (int[] batch in numbers.Chunk(BatchSize))
        {
            string[] args = [.. batch.Select(n => n.ToString()), "--transport", transport, "--source", server.BaseUri + "rfc/rfc{n}.txt"];
            CliResult result = await CliRunner.RunAsync(args, new Dictionary<string, string>());

            Assert.Equal(0, result.ExitCode);
            byte[] expected = [.. batch.SelectMany(n => File.ReadAllBytes(Path.Combine(folder, $"rfc{n}.txt")))];
            if (!expected.AsSpan().SequenceEqual(result.Stdout))
            {
                // Find the first document that differs, for a message a person can act on.
                int offset = 0;
                foreach (int n in batch)
                {
                    byte[] file = File.ReadAllBytes(Path.Combine(folder, $"rfc{n}.txt"));
                    Assert.True(result.Stdout.AsSpan().Length >= offset + file.Length && result.Stdout.AsSpan(offset, file.Length).SequenceEqual(file), $"rfc{n}.txt differs");
                    offset += file.Length;
                }
            }
        }

        Assert.Equal(numbers.Length, server.Requests);
    }
}
