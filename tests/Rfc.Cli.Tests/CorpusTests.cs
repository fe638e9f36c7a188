using System.Net;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>
/// Differential test over the shared corpus: every loose RFC, fetched through rfc with each transport
/// from each kind of server, comes out byte for byte as the file on disk.
/// </summary>
public sealed class CorpusTests
{
    /// <summary>Documents fetched per run: enough to exercise connection reuse, few enough to name a failure.</summary>
    private const int BatchSize = 100;

    public static TheoryData<string, string> Servers
    {
        get
        {
            TheoryData<string, string> data = new();
            foreach (string server in new[] { "kestrel-content-length", "kestrel-chunked", "kestrel-tls", "kestrel-ipv6", "nginx", "python-http.server" })
            {
                foreach (string transport in new[] { "http", "socket" })
                {
                    data.Add(server, transport);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Get_PrintsEveryCorpusDocumentExactly(string server, string transport)
    {
        string root = CorpusLocator.Root ?? "";
        string folder = Path.Combine(root, "rfc");
        if (!Directory.Exists(folder))
        {
            Assert.Skip($"the shared RFC corpus was not found (set {CorpusLocator.EnvironmentVariable} or place it at ../shared/corpus)");
        }

        if (server == "nginx" && NginxServer.SkipReason is { } noNginx)
        {
            Assert.Skip(noNginx);
        }

        if (server.StartsWith("python", StringComparison.Ordinal) && PythonHttpServer.SkipReason is { } noPython)
        {
            Assert.Skip(noPython);
        }

        int[] numbers = [.. Directory.EnumerateFiles(folder, "rfc*.txt").Select(path => int.Parse(Path.GetFileNameWithoutExtension(path)[3..])).Order()];
        Assert.Equal(CorpusLocator.DocumentCount, numbers.Length);
        await using IAsyncDisposable running = await StartAsync(server, root, folder);
        Uri baseUri = running switch
        {
            KestrelServer kestrel => kestrel.BaseUri,
            NginxServer nginx => nginx.BaseUri,
            PythonHttpServer python => python.BaseUri,
            _ => throw new InvalidOperationException(),
        };

        int checkedDocuments = 0;
        foreach (int[] batch in numbers.Chunk(BatchSize))
        {
            string[] args = [.. batch.Select(n => n.ToString()), "--transport", transport, "--ca-file", TestCertificate.CaFile, "--source", baseUri + "rfc/rfc{n}.txt"];
            CliResult result = await CliRunner.RunAsync(args, new Dictionary<string, string>());

            Assert.True(result.ExitCode == 0, result.Stderr);
            int offset = 0;
            foreach (int n in batch)
            {
                byte[] file = File.ReadAllBytes(Path.Combine(folder, $"rfc{n}.txt"));
                Assert.True(result.Stdout.Length >= offset + file.Length && result.Stdout.AsSpan(offset, file.Length).SequenceEqual(file), $"rfc{n}.txt differs ({server}, {transport})");
                offset += file.Length;
            }

            Assert.Equal(offset, result.Stdout.Length);
            checkedDocuments += batch.Length;
        }

        Assert.Equal(CorpusLocator.DocumentCount, checkedDocuments);

        if (running is KestrelServer counted)
        {
            Assert.Equal(numbers.Length, counted.Requests);
        }
    }

    private static async Task<IAsyncDisposable> StartAsync(string server, string root, string folder) => server switch
    {
        "kestrel-content-length" => await KestrelServer.ServeFolderAsync(folder),
        "kestrel-chunked" => await KestrelServer.ServeFolderAsync(folder, chunked: true),
        "kestrel-tls" => await KestrelServer.ServeFolderAsync(folder, certificate: TestCertificate.Server),
        "kestrel-ipv6" => await KestrelServer.ServeFolderAsync(folder, address: IPAddress.IPv6Loopback),
        "nginx" => await NginxServer.StartAsync(folder, cancellationToken: TestContext.Current.CancellationToken),
        "python-http.server" => await PythonHttpServer.StartAsync(root, TestContext.Current.CancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(server)),
    };
}
