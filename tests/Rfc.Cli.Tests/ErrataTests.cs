using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>
/// Issue 13's errata over the real errata.json served by a loopback server (with the small real "latest" index, so each
/// test syncs its own store quickly): ETag and 304, a bad file (exit 4, previous errata kept), the RFC Editor's layout
/// and order, --status, --json, the reading notice and --quiet, and --errata boxes in paginated and v3 documents.
/// </summary>
public sealed class ErrataTests : IAsyncLifetime
{
    private readonly string _home = Directory.CreateTempSubdirectory("rfc-errata-home-").FullName;
    private IndexServer? _server;

    public async ValueTask InitializeAsync()
    {
        if (CorpusLocator.Root is not string root || !File.Exists(Path.Combine(root, "errata", "errata.json")))
        {
            return;
        }

        byte[] errata = File.ReadAllBytes(Path.Combine(root, "errata", "errata.json"));
        _server = await IndexServer.StartAsync(
            name => name switch
            {
                "errata.json" => errata,
                "errata-truncated.json" => errata[..(errata.Length / 2)],
                "errata-malformed.json" => Encoding.UTF8.GetBytes("[{\"errata_id\": \"1\", \"doc-id\": \"RFC1\"}, {\"errata_id\": }]"),
                "errata-html.json" => Encoding.UTF8.GetBytes("<html><body>502 Bad Gateway</body></html>"),
                _ => File.Exists(Path.Combine(root, "index", name)) ? File.ReadAllBytes(Path.Combine(root, "index", name)) : null,
            },
            number => File.Exists(Path.Combine(root, "rfc", $"rfc{number}.txt")) ? File.ReadAllBytes(Path.Combine(root, "rfc", $"rfc{number}.txt")) : null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_home, recursive: true);
    }

    private Dictionary<string, string> Environment => new()
    {
        ["RFC_HOME"] = _home,
        ["RFC_INDEX_URL"] = _server!.IndexUrl("rfc-index-latest.txt"),
        ["RFC_ERRATA_URL"] = _server.IndexUrl("errata.json"),
        ["RFC_SOURCE"] = _server.Source,
    };

    private Task<CliResult> Run(params string[] args)
    {
        if (_server is null)
        {
            Assert.Skip($"corpus errata file not found (set {CorpusLocator.EnvironmentVariable} or provide ../shared/corpus)");
        }

        return CliRunner.RunAsync(args, Environment);
    }

    private static string Out(CliResult result) => Encoding.UTF8.GetString(result.Stdout);

    private async Task SyncAsync() => Assert.Equal(0, (await Run("sync")).ExitCode);

    [Fact]
    public async Task Sync_StoresEveryErratum_ThenSendsTheETagBackAsReceivedAndTakes304()
    {
        CliResult first = await Run("sync");
        CliResult second = await Run("sync");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal($"synced 8018 errata from {_server!.IndexUrl("errata.json")}", Out(first).Split('\n')[1]);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal($"synced 8018 errata from {_server.IndexUrl("errata.json")} (not modified since the last sync)", Out(second).Split('\n')[1]);
        Assert.Equal([null, SyntheticIndex.ETag], _server.Requests.Where(r => r.Path == "/errata.json").Select(r => r.IfNoneMatch));
        Assert.Equal("", first.Stderr + second.Stderr);
    }

    [Theory]
    [InlineData("errata-truncated.json", "ends in the middle of a value (truncated)")]
    [InlineData("errata-malformed.json", "is not well-formed JSON")]
    [InlineData("errata-html.json", "is not well-formed JSON")]
    public async Task Sync_ExitsFour_AndKeepsThePreviousErrata_WhenTheFileIsBad(string name, string problem)
    {
        await SyncAsync();

        CliResult bad = await Run("sync", "--errata-url", _server!.IndexUrl(name));
        CliResult after = await Run("errata", "9110", "--status", "all", "--json");

        Assert.Equal(4, bad.ExitCode);
        string line = Assert.Single(bad.StderrLines);
        Assert.StartsWith("rfc: error: the errata file " + problem, line, StringComparison.Ordinal);
        Assert.EndsWith($"({_server.IndexUrl(name)}; the errata from the last sync are kept) (check --errata-url or RFC_ERRATA_URL)", line, StringComparison.Ordinal);
        Assert.Equal(12, JsonDocument.Parse(after.Stdout).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Errata_PrintsTheRfcEditorLayout_LeavingOutRejected()
    {
        await SyncAsync();

        CliResult result = await Run("errata", "8174");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            RFC 8174: 1 errata (1 held for document update; 1 more with --status all)

            ------------------------------------------------------------------------

            Errata ID: 5022
            Status: Held for Document Update
            Type: Editorial
            Section: GLOBAL
            Date Reported: 2017-05-19
            Reported By: Xiaoyin Liu
            Verifier Name: Ben Campbell
            Date Updated: 2019-09-10 16:09:03

            Throughout the document, when it says:

            by clarifying that only UPPERCASE usage of the key words have the
            defined special meanings.

            It should say:

            by clarifying that only UPPERCASE usage of the key words has the
            defined special meanings.

            Notes:

            The text appears in both "Abstract" and Section 1. The verb should be "has" because "usage" is a singular noun.

            """,
            Out(result));
    }

    [Fact]
    public async Task Errata_OrdersVerifiedReportedHeldRejected_TechnicalFirst()
    {
        await SyncAsync();

        CliResult all = await Run("errata", "2119", "--status", "all");
        CliResult some = await Run("errata", "2119", "--status", "verified", "--status", "rejected");

        string[] Kinds(CliResult r) => [.. Out(r).Split('\n').Where(l => l.StartsWith("Status: ", StringComparison.Ordinal) || l.StartsWith("Type: ", StringComparison.Ordinal)).Chunk(2).Select(p => p[0][8..] + "/" + p[1][6..])];
        Assert.Equal(
            [
                "Verified/Technical", "Verified/Technical", "Verified/Technical", "Verified/Technical", "Verified/Technical",
                "Verified/Editorial", "Verified/Editorial", "Verified/Editorial", "Reported/Technical", "Reported/Editorial",
                "Held for Document Update/Technical", "Held for Document Update/Editorial", "Rejected/Editorial", "Rejected/Editorial", "Rejected/Editorial",
            ],
            Kinds(all));
        Assert.Equal(11, Kinds(some).Length);
        Assert.StartsWith("RFC 2119: 11 errata (8 verified, 3 rejected; 4 more with --status all)\n", Out(some), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errata_PrintsJson_AndOneLineWhenThereAreNone_AndRefusesAnUnknownStatus()
    {
        await SyncAsync();

        CliResult json = await Run("errata", "9110", "--json");
        CliResult none = await Run("errata", "768");
        CliResult bad = await Run("errata", "9110", "--status", "pending");

        Assert.Equal(0, json.ExitCode);
        JsonElement[] records = [.. JsonDocument.Parse(json.Stdout).RootElement.EnumerateArray()];
        Assert.Equal(6, records.Length);
        Assert.All(records, r => Assert.Equal("Verified", r.GetProperty("status").GetString()));
        Assert.Equal("7138", records[0].GetProperty("id").GetString());
        Assert.Equal(9110, records[0].GetProperty("rfc").GetInt32());
        Assert.Equal("12.5.1", records[0].GetProperty("section").GetString());
        Assert.Equal((0, "RFC 768 has no errata\n"), (none.ExitCode, Out(none)));
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("rfc: error: --status 'pending' is not a status (use all, verified, reported, held or rejected)", bad.StderrLines[0]);
    }

    [Fact]
    public async Task Errata_ExitsOne_BeforeAnySync()
    {
        CliResult result = await Run("errata", "9110");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["rfc: error: the local store holds no errata (run 'rfc sync' first to download them)"], result.StderrLines);
    }

    [Fact]
    public async Task Reading_PrintsTheNoticeOnStderr_AndQuietHidesIt_StdoutStaysTheDocument()
    {
        await SyncAsync();
        byte[] document = File.ReadAllBytes(CorpusLocator.RfcPath(9110)!);

        CliResult noted = await Run("9110");
        CliResult cached = await Run("9110", "--offline"); // The cached read's fast path (the store is not opened) says the same.
        CliResult quiet = await Run("9110", "--quiet");
        CliResult editorialOnly = await Run("8174");

        Assert.Equal(0, noted.ExitCode);
        Assert.Equal(document, noted.Stdout);
        Assert.Equal(["rfc: note: RFC 9110 has 3 verified errata (rfc errata 9110)"], noted.StderrLines);
        Assert.Equal(0, cached.ExitCode);
        Assert.Equal(document, cached.Stdout);
        Assert.Equal(noted.StderrLines, cached.StderrLines);
        Assert.Equal(document, quiet.Stdout);
        Assert.Equal("", quiet.Stderr);
        Assert.Equal("", editorialOnly.Stderr);
    }

    [Fact]
    public async Task ReadingWithErrata_BoxesEachAfterItsSection_InAV3Document()
    {
        await SyncAsync();

        CliResult section = await Run("9110", "--section", "12.5.1", "--errata", "--quiet");
        CliResult whole = await Run("9110", "--errata", "--quiet");

        Assert.Equal(0, section.ExitCode);
        string text = Out(section);
        Assert.StartsWith("12.5.1.  Accept\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), l => l.StartsWith("╔══ ERRATUM ", StringComparison.Ordinal));
        Assert.Contains("\n╔══ ERRATUM 7138 (Verified, Technical) — not part of RFC 9110 ", text, StringComparison.Ordinal);
        Assert.EndsWith("\n╚" + new string('═', 71) + "\n\n", text, StringComparison.Ordinal);
        string all = Out(whole);
        Assert.Equal(6, all.Split('\n').Count(l => l.StartsWith("╔══ ERRATUM ", StringComparison.Ordinal)));
        int box = all.IndexOf("╔══ ERRATUM 7138 ", StringComparison.Ordinal);
        Assert.True(all.LastIndexOf("\n12.5.1.  Accept\n", box, StringComparison.Ordinal) > all.LastIndexOf("\n12.5.  ", box, StringComparison.Ordinal));
        int closed = all.IndexOf("\n╚", box, StringComparison.Ordinal);
        string next = all[(all.IndexOf('\n', closed + 1) + 1)..].Split('\n').First(l => l.Length > 0);
        Assert.Equal("12.5.2.  Accept-Charset", next);
    }

    [Fact]
    public async Task ReadingWithErrata_BoxesAfterThePage_InAPaginatedDocument()
    {
        await SyncAsync();

        CliResult result = await Run("2324", "--errata", "--quiet");

        Assert.Equal(0, result.ExitCode);
        string text = Out(result);
        Assert.Equal(10, text.Split('\n').Count(l => l.StartsWith("╔══ ERRATUM ", StringComparison.Ordinal)));
        // Erratum 682 is about section 2.1.1, which ends on page 2: its box follows page 2's footer, before the form feed.
        int box = text.IndexOf("╔══ ERRATUM 682 ", StringComparison.Ordinal);
        Assert.EndsWith("[Page 2]\n\n", text[..box], StringComparison.Ordinal);
        Assert.StartsWith("\f", text[box..][(text[box..].IndexOf("\n╚", StringComparison.Ordinal) + 1)..].Split('\n', 3)[2], StringComparison.Ordinal);
    }
}
