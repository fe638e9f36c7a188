using System.Text;
using Microsoft.AspNetCore.Http;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>The built rfc executable, run as a process the way a user runs it.</summary>
public sealed class ExecutableTests
{
    [Fact]
    public async Task Executable_PrintsDocument_FromKestrel()
    {
        byte[] document = SyntheticDocuments.All["form-feeds"];
        await using KestrelServer server = await KestrelServer.StartAsync(context => KestrelServer.WriteBodyAsync(context, document, chunked: false));

        RfcExecutable.Result result = await RfcExecutable.RunAsync(["2324", "--source", server.BaseUri + "rfc/rfc{n}.txt"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(document, result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Executable_PrintsDocument_FromNginx_ByteForByte()
    {
        if (NginxServer.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        string folder = Directory.CreateTempSubdirectory("rfc-docs-").FullName;
        byte[] document = SyntheticDocuments.All["multi-megabyte"];
        await File.WriteAllBytesAsync(Path.Combine(folder, "rfc2324.txt"), document, TestContext.Current.CancellationToken);
        await using NginxServer nginx = await NginxServer.StartAsync(folder, cancellationToken: TestContext.Current.CancellationToken);

        RfcExecutable.Result result = await RfcExecutable.RunAsync(["2324", "--no-pager"], new Dictionary<string, string> { ["RFC_SOURCE"] = nginx.BaseUri + "rfc/rfc{n}.txt" }, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(document, result.Stdout);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Executable_ExitsNotFound_WithOneLine_FromNginx()
    {
        if (NginxServer.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        string folder = Directory.CreateTempSubdirectory("rfc-docs-").FullName;
        await using NginxServer nginx = await NginxServer.StartAsync(folder, cancellationToken: TestContext.Current.CancellationToken);

        RfcExecutable.Result result = await RfcExecutable.RunAsync(["99999", "--source", nginx.BaseUri + "rfc/"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"rfc: error: RFC 99999 was not found at {nginx.BaseUri}rfc/rfc99999.txt (HTTP 404 Not Found)\n", result.Stderr);
        Assert.Empty(result.Stdout);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Executable_ExitsUsage_WithoutStackTrace()
    {
        RfcExecutable.Result result = await RfcExecutable.RunAsync(["not-a-number"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("rfc: error: must supply an RFC number", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Executable_PrintsVersionAndHelpWithExamples()
    {
        RfcExecutable.Result version = await RfcExecutable.RunAsync(["--version"], cancellationToken: TestContext.Current.CancellationToken);
        RfcExecutable.Result help = await RfcExecutable.RunAsync(["--help"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, version.ExitCode);
        Assert.Equal("0.1.0\n", Encoding.UTF8.GetString(version.Stdout));
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Examples:", Encoding.UTF8.GetString(help.Stdout));
        Assert.Contains("rfc 2324", Encoding.UTF8.GetString(help.Stdout));
    }

    [Fact]
    public async Task Executable_SyncsErrataAndPrintsThemAsJson_AndReportsABadFileInOneLine()
    {
        string root = CorpusLocator.Root ?? "";
        if (!File.Exists(Path.Combine(root, "errata", "errata.json")))
        {
            Assert.Skip($"corpus errata file not found (set {CorpusLocator.EnvironmentVariable} or provide ../shared/corpus)");
        }

        await using IndexServer server = await IndexServer.StartAsync(
            name => name switch
            {
                "errata.json" => File.ReadAllBytes(Path.Combine(root, "errata", "errata.json")),
                "bad.json" => "[{\"errata_id\": "u8.ToArray(),
                _ => File.ReadAllBytes(Path.Combine(root, "index", "rfc-index-latest.txt")),
            },
            _ => null);
        string home = Directory.CreateTempSubdirectory("rfc-exe-errata-").FullName;
        Dictionary<string, string> environment = new() { ["RFC_HOME"] = home, ["RFC_INDEX_URL"] = server.IndexUrl("rfc-index-latest.txt") };
        CancellationToken token = TestContext.Current.CancellationToken;

        RfcExecutable.Result bad = await RfcExecutable.RunAsync(["sync", "--errata-url", server.IndexUrl("bad.json")], environment, token);
        RfcExecutable.Result sync = await RfcExecutable.RunAsync(["sync", "--errata-url", server.IndexUrl("errata.json")], environment, token);
        RfcExecutable.Result json = await RfcExecutable.RunAsync(["errata", "8174", "--status", "all", "--json"], environment, token);

        Assert.Equal(4, bad.ExitCode);
        Assert.Equal($"rfc: error: the errata file ends in the middle of a value (truncated) at line 1, byte 15 ({server.IndexUrl("bad.json")}; the errata from the last sync are kept) (check --errata-url or RFC_ERRATA_URL)\n", bad.Stderr);
        Assert.Equal(0, sync.ExitCode);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(["5022", "6878"], System.Text.Json.JsonDocument.Parse(json.Stdout).RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(home, recursive: true);
    }
}
