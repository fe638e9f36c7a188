using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rfc.Storage;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>The local library over the synthetic XML index: sync, info, search, sub-series, notices, list, cache.</summary>
public sealed class LibraryTests : IAsyncLifetime
{
    private readonly string _home = Directory.CreateTempSubdirectory("rfc-home-").FullName;
    private IndexServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await IndexServer.StartSyntheticAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_home, recursive: true);
    }

    private Dictionary<string, string> Environment => new() { ["RFC_HOME"] = _home, ["RFC_INDEX_URL"] = _server.IndexUrl(), ["RFC_SOURCE"] = _server.Source };

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(args, Environment);

    private static string Out(CliResult result) => Encoding.UTF8.GetString(result.Stdout);

    private async Task SyncAsync() => Assert.Equal(0, (await Run("sync")).ExitCode);

    [Fact]
    public async Task Sync_AddsEveryEntry_ThenSecondSyncIsConditionalAndChangesNothing()
    {
        CliResult first = await Run("sync");
        CliResult second = await Run("sync");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal($"synced {SyntheticIndex.RfcEntries} entries from {_server.IndexUrl()}: {SyntheticIndex.RfcEntries} added, 0 changed\n", Out(first));
        Assert.Equal("", first.Stderr);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal($"synced {SyntheticIndex.RfcEntries} entries from {_server.IndexUrl()}: 0 added, 0 changed (not modified since the last sync)\n", Out(second));
        Assert.Equal(
            [("/rfc-index.xml", null, null), ("/rfc-index.xml", SyntheticIndex.ETag, "Fri, 21 Aug 2026 00:00:00 GMT")],
            _server.Requests);
    }

    [Fact]
    public async Task Sync_TakesIndexUrlOption_OverEnvironment_AndRefusesNonHttp()
    {
        CliResult missing = await Run("sync", "--index-url", _server.IndexUrl("nothing-here.xml"));
        CliResult bad = await Run("sync", "--index-url", "ftp://example.invalid/rfc-index.xml");

        Assert.Equal(4, missing.ExitCode);
        Assert.Equal([$"rfc: error: {_server.IndexUrl("nothing-here.xml")} answered HTTP 404 Not Found instead of the RFC index (check --index-url or RFC_INDEX_URL)"], missing.StderrLines);
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("rfc: error: index URL 'ftp://example.invalid/rfc-index.xml' is not an http or https URL (check --index-url or RFC_INDEX_URL)", bad.StderrLines[0]);
    }

    [Fact]
    public async Task Sync_ExitsProtocol_WhenTextIndexHasLineOverTheLimit()
    {
        // Issue 11 item 7: a 5 MB line took the old parser over a minute; now it is refused as not an index.
        byte[] index = Encoding.ASCII.GetBytes("1 Host Software. S. Crocker. April 1969.\n\n2 " + new string('A', 5_000_000) + "\n");
        await using IndexServer server = await IndexServer.StartAsync(name => name == "huge.txt" ? index : null, _ => null);

        CliResult result = await Run("sync", "--index-url", server.IndexUrl("huge.txt"));

        Assert.Equal(4, result.ExitCode);
        Assert.Equal([$"rfc: error: the index from {server.IndexUrl("huge.txt")} is not the RFC index: line 3 is longer than 16384 characters (check --index-url or RFC_INDEX_URL)"], result.StderrLines);
        Assert.Equal("", Out(result));
    }

    [Fact]
    public async Task Info_PrintsEntryWithRelationsBothWays()
    {
        await SyncAsync();

        CliResult result = await Run("info", "2616");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            RFC 2616: Hypertext Transfer Protocol -- HTTP/1.1

            Authors:      R. Fielding, Ed.
            Date:         June 1999
            Status:       DRAFT STANDARD (published as PROPOSED STANDARD)
            Current:      RFC 9110, RFC 9111 and RFC 9112 (the ends of its obsoleted-by chain)
            Stream:       IETF
            Pages:        42
            Formats:      TXT, HTML, JSON-LD
            Obsoletes:    RFC 2068  Hypertext Transfer Protocol -- HTTP/1.1
            Obsoleted by: RFC 7230  Hypertext Transfer Protocol (HTTP/1.1): Message Syntax and Routing
                          RFC 7234  Hypertext Transfer Protocol (HTTP/1.1): Caching
            DOI:          10.17487/RFC2616

            """,
            Out(result));
    }

    [Fact]
    public async Task Info_Tree_DrawsLineageFromRoot()
    {
        await SyncAsync();

        CliResult result = await Run("info", "9110", "--tree");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            RFC 9110  HTTP Semantics
            └── obsoletes RFC 7230  Hypertext Transfer Protocol (HTTP/1.1): Message Syntax and Routing
                └── obsoletes RFC 2616  Hypertext Transfer Protocol -- HTTP/1.1
                    └── obsoletes RFC 2068  Hypertext Transfer Protocol -- HTTP/1.1

            """,
            Out(result));
    }

    [Fact]
    public async Task Info_Tree_FollowsObsoletedByForward_AndMarksRepeats()
    {
        await SyncAsync();

        CliResult result = await Run("info", "2068", "--tree");

        Assert.Equal(
            """
            RFC 2068  Hypertext Transfer Protocol -- HTTP/1.1
            └── obsoleted by RFC 2616  Hypertext Transfer Protocol -- HTTP/1.1
                ├── obsoleted by RFC 7230  Hypertext Transfer Protocol (HTTP/1.1): Message Syntax and Routing
                │   ├── obsoleted by RFC 9110  HTTP Semantics
                │   └── obsoleted by RFC 9112  HTTP/1.1
                └── obsoleted by RFC 7234  Hypertext Transfer Protocol (HTTP/1.1): Caching
                    └── obsoleted by RFC 9111  HTTP Caching

            """,
            Out(result));
    }

    [Fact]
    public async Task Info_Json_HoldsFieldsRelationsAndCurrentVersions()
    {
        await SyncAsync();

        CliResult result = await Run("info", "2324", "--json");
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        CliResult http = await Run("info", "2616", "--json");
        using JsonDocument httpJson = JsonDocument.Parse(http.Stdout);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2324, root.GetProperty("number").GetInt32());
        Assert.Equal("Hyper Text Coffee Pot Control Protocol (HTCPCP/1.0)", root.GetProperty("title").GetString());
        Assert.Equal("L. Masinter", root.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal("Editor", root.GetProperty("authors")[0].GetProperty("role").GetString());
        Assert.Equal("April 1998", root.GetProperty("date").GetString());
        Assert.Equal("INFORMATIONAL", root.GetProperty("status").GetString());
        Assert.Equal("This document describes HTCPCP, a protocol for controlling,\nmonitoring, and diagnosing coffee pots.", root.GetProperty("abstract").GetString());
        Assert.Equal(["RFC7230", "RFC7234"], httpJson.RootElement.GetProperty("obsoleted_by").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal("Hypertext Transfer Protocol -- HTTP/1.1", httpJson.RootElement.GetProperty("obsoletes")[0].GetProperty("title").GetString());
        Assert.Equal([9110, 9111, 9112], httpJson.RootElement.GetProperty("current_versions").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Info_ExitsNotFound_WithHint_BeforeSyncAndForUnknownOrNotIssued()
    {
        CliResult unsynced = await Run("info", "9110");
        await SyncAsync();
        CliResult unknown = await Run("info", "4000");
        CliResult notIssued = await Run("info", "14");

        Assert.Equal(1, unsynced.ExitCode);
        Assert.Equal(["rfc: error: the local RFC index is empty (run 'rfc sync' first to download the RFC index)"], unsynced.StderrLines);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal(["rfc: error: RFC 4000 is not in the local index (it may be newer than the last sync; run 'rfc sync' to update it)"], unknown.StderrLines);
        Assert.Equal(1, notIssued.ExitCode);
        Assert.Equal(["rfc: error: RFC 14 was never issued (the RFC Editor's index lists the number as \"Not Issued\")"], notIssued.StderrLines);
    }

    [Fact]
    public async Task Search_RanksTitleFirst_FiltersByStatus_AndMarksObsoleted()
    {
        await SyncAsync();

        CliResult all = await Run("search", "congestion control");
        CliResult proposed = await Run("search", "congestion control", "--status", "proposed standard");
        CliResult http = await Run("search", "HTTP/1.1", "--since", "1999", "--limit", "2");

        // Whole matches first; fewer than the limit, so RFCs with only some of the words follow, marked.
        Assert.StartsWith("5681\tSeptember 2009\tDRAFT STANDARD\tTCP Congestion Control\t\n9000\tMay 2021\tPROPOSED STANDARD\tQUIC: A UDP-Based Multiplexed and Secure Transport\t\n", Out(all));
        Assert.All(Out(all).Split('\n', StringSplitOptions.RemoveEmptyEntries)[2..], line => Assert.EndsWith("partial match", line));
        Assert.StartsWith("9000\tMay 2021\tPROPOSED STANDARD\tQUIC: A UDP-Based Multiplexed and Secure Transport\t\n", Out(proposed));
        Assert.Equal(
            "9112\tJune 2022\tINTERNET STANDARD\tHTTP/1.1\t\n2616\tJune 1999\tDRAFT STANDARD\tHypertext Transfer Protocol -- HTTP/1.1\tobsoleted, see RFC 9110, RFC 9111 and RFC 9112\n",
            Out(http));
    }

    [Fact]
    public async Task Search_PrintsTable_OnTerminal()
    {
        await SyncAsync();

        CliResult result = await CliRunner.RunAsync(["search", "HTTP/1.1", "--author", "fielding", "--since", "2014", "--limit", "1"], Environment, terminal: true);

        Assert.Equal("RFC   DATE       STATUS             TITLE\n9112  June 2022  INTERNET STANDARD  HTTP/1.1\n", Out(result));
    }

    [Fact]
    public async Task Search_Json_ListsHits()
    {
        await SyncAsync();

        CliResult result = await Run("search", "quic", "--wg", "QUIC", "--json");
        using JsonDocument json = JsonDocument.Parse(result.Stdout);

        JsonElement hit = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(9000, hit.GetProperty("number").GetInt32());
        Assert.False(hit.GetProperty("obsoleted").GetBoolean());
    }

    [Theory]
    [InlineData("\"coffee pot", "unterminated string")]
    [InlineData("coffee AND", "syntax error near \"\"")]
    [InlineData("nosuch: coffee", "no such column: nosuch")]
    public async Task Search_ExitsUsage_NamingTheProblem_WhenFtsQueryIsMalformed(string query, string problem)
    {
        await SyncAsync();
        Assert.Equal(0, (await Run("2324")).ExitCode);

        CliResult index = await Run("search", query);
        CliResult text = await Run("search", "--full-text", query);

        foreach (CliResult result in new[] { index, text })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Equal(
                [$"rfc: error: the search query '{query}' is not valid FTS5 syntax: {problem} (quote phrases with \"…\", join terms with AND, OR, NOT; end a prefix with *)", ErrorReporterUsage],
                result.StderrLines);
        }
    }

    private const string ErrorReporterUsage = "usage: rfc [options] <rfc>... | rfc <command> [options]  (try 'rfc --help')";

    [Fact]
    public async Task Search_ExitsUsage_ForUnknownStatusOrFiltersWithFullText()
    {
        CliResult status = await Run("search", "x", "--status", "approved");
        CliResult mixed = await Run("search", "--full-text", "x", "--since", "2000");
        CliResult limit = await Run("search", "x", "--limit", "0");

        Assert.Equal([2, 2, 2], new[] { status.ExitCode, mixed.ExitCode, limit.ExitCode });
        Assert.StartsWith("rfc: error: --status 'approved' is not a status the index uses (", status.StderrLines[0]);
    }

    [Fact]
    public async Task FullText_FindsCoffeePot_WithSnippetPageAndSection()
    {
        await SyncAsync();
        Assert.Equal(0, (await Run("2324")).ExitCode);

        CliResult result = await Run("search", "--full-text", "\"coffee pot\"");
        CliResult terminal = await CliRunner.RunAsync(["search", "--full-text", "\"coffee pot\""], new Dictionary<string, string>(Environment) { ["NO_COLOR"] = "1" }, terminal: true);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2324\t2\t2. HTCPCP Protocol\t…HTCPCP Protocol This document specifies a protocol for controlling a **coffee pot** over the…\n", Out(result));
        Assert.Equal(
            """
            RFC 2324  Hyper Text Coffee Pot Control Protocol (HTCPCP/1.0)
                page 2, section 2. HTCPCP Protocol
                …HTCPCP Protocol This document specifies a protocol for controlling a **coffee pot** over the…


            """,
            Out(terminal));
    }

    [Fact]
    public async Task FullText_ExitsNotFound_WhenNothingIsStored()
    {
        CliResult result = await Run("search", "--full-text", "coffee");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["rfc: error: no documents are stored to search (read some with 'rfc N' first)"], result.StderrLines);
    }

    [Fact]
    public async Task Get_RefusesNotIssued_WithoutARequest()
    {
        await SyncAsync();
        int before = _server.Requests.Count;

        CliResult result = await Run("14");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["rfc: error: RFC 14 was never issued (the RFC Editor's index lists the number as \"Not Issued\")"], result.StderrLines);
        Assert.Equal(before, _server.Requests.Count);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("bcp14")]
    [InlineData("BCP 14")]
    [InlineData("BCP0014")]
    public async Task Get_ResolvesSubseries_ThroughTheIndex(string name)
    {
        await SyncAsync();

        CliResult result = await Run(name);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(SyntheticIndex.Documents[2119] + SyntheticIndex.Documents[8174], Out(result));
        Assert.Equal(["rfc: BCP 14 is RFC 2119 and RFC 8174"], result.StderrLines);
    }

    [Fact]
    public async Task Get_NamesSubseriesTitle_AndFailsForUnknownOrUnsynced()
    {
        CliResult unsynced = await Run("std97");
        await SyncAsync();
        CliResult std = await Run("std97", "--offline");
        CliResult unknown = await Run("fyi1");

        Assert.Equal(1, unsynced.ExitCode);
        Assert.Equal(["rfc: error: STD 97 is a sub-series name and the local RFC index is empty (run 'rfc sync' first to download the RFC index)"], unsynced.StderrLines);
        Assert.Equal("rfc: STD 97 (HTTP Semantics) is RFC 9110", std.StderrLines[0]);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal(["rfc: error: FYI 1 is not in the local RFC index (no RFC is part of it; run 'rfc sync' to update the index)"], unknown.StderrLines);
    }

    [Theory]
    [InlineData("2616")]
    [InlineData("14")]
    [InlineData("2119")]
    [InlineData("9999")]
    public async Task Get_PlainCachedRead_SaysWhatTheFullParserSays(string number)
    {
        await SyncAsync();
        await Run(number);

        // "rfc N" and "rfc N --offline" take the fast path (no command tree, the store read without opening it);
        // with --no-pager (a no-op when stdout is not a terminal) the same read goes through the parser and the store.
        CliResult plain = await Run(number);
        CliResult parsed = await Run(number, "--no-pager");
        CliResult plainOffline = await Run("--offline", number);
        CliResult parsedOffline = await Run(number, "--offline", "--no-pager");

        Assert.True(RfcApp.IsPlainRead([number], out _, out _));
        Assert.False(RfcApp.IsPlainRead([number, "--no-pager"], out _, out _));
        Assert.Equal(parsed.ExitCode, plain.ExitCode);
        Assert.Equal(parsed.Stdout, plain.Stdout);
        Assert.Equal(parsed.StderrLines, plain.StderrLines);
        Assert.Equal(parsedOffline.ExitCode, plainOffline.ExitCode);
        Assert.Equal(parsedOffline.Stdout, plainOffline.Stdout);
        Assert.Equal(parsedOffline.StderrLines, plainOffline.StderrLines);
    }

    [Theory]
    [InlineData(new[] { "2324" }, true)]
    [InlineData(new[] { "0791" }, true)]
    [InlineData(new[] { "2324", "--offline" }, true)]
    [InlineData(new[] { "--offline", "2324" }, true)]
    [InlineData(new[] { "--offline", "--offline" }, false)]
    [InlineData(new[] { "2324", "2325" }, false)]
    [InlineData(new[] { "2324", "--refresh" }, false)]
    [InlineData(new[] { "rfc2324" }, false)]
    [InlineData(new[] { "-5" }, false)]
    [InlineData(new[] { "0" }, false)]
    [InlineData(new[] { "1234567" }, false)]
    [InlineData(new[] { "" }, false)]
    [InlineData(new string[0], false)]
    public void IsPlainRead_TakesOnlyANumberAndOffline(string[] args, bool plain)
    {
        Assert.Equal(plain, RfcApp.IsPlainRead(args, out string? number, out _));
        Assert.Equal(plain, number is not null);
    }

    [Theory]
    [InlineData("congestion", "control")]
    [InlineData("HTTP/1.1")]
    [InlineData("rfc", "2616")]
    [InlineData("congestoin")]
    [InlineData("nothing", "matches", "this")]
    public async Task Search_PlainWords_SayWhatTheFullParserSays(params string[] words)
    {
        await SyncAsync();

        // "rfc search WORDS" takes the fast path (no command tree); with --limit 20 (the default) the same search goes
        // through the parser.
        CliResult plain = await Run(["search", .. words]);
        CliResult parsed = await Run(["search", .. words, "--limit", "20"]);

        Assert.True(RfcApp.IsPlainSearch(["search", .. words]));
        Assert.False(RfcApp.IsPlainSearch(["search", .. words, "--limit", "20"]));
        Assert.Equal(parsed.ExitCode, plain.ExitCode);
        Assert.Equal(parsed.Stdout, plain.Stdout);
        Assert.Equal(parsed.StderrLines, plain.StderrLines);
    }

    [Theory]
    [InlineData(new[] { "search", "sip" }, true)]
    [InlineData(new[] { "search", "congestion", "control" }, true)]
    [InlineData(new[] { "search", "x.509", "rfc", "5280" }, true)]
    [InlineData(new[] { "search" }, false)]
    [InlineData(new[] { "search", "sip", "--json" }, false)]
    [InlineData(new[] { "search", "--full-text", "sip" }, false)]
    [InlineData(new[] { "search", "--", "-sip" }, false)]
    [InlineData(new[] { "search", "@words.txt" }, false)]
    [InlineData(new[] { "search", "/?" }, false)]
    [InlineData(new[] { "search", "[diagram]" }, false)]
    [InlineData(new[] { "search", "" }, false)]
    [InlineData(new[] { "--verbose", "search", "sip" }, false)]
    [InlineData(new[] { "info", "sip" }, false)]
    public void IsPlainSearch_TakesOnlyWordsAfterSearch(string[] args, bool plain)
    {
        Assert.Equal(plain, RfcApp.IsPlainSearch(args));
    }

    [Fact]
    public async Task Search_Plain_EndsAtOnceOnCtrlC_EvenWhileWaitingForALockedStore()
    {
        await SyncAsync();
        using SqliteConnection writer = HoldStoreLock();

        // A real SIGINT, as Ctrl+C sends, once the search is waiting. A search that handled it would go on waiting
        // out the busy timeout and then report the busy store.
        Stopwatch clock = Stopwatch.StartNew();
        RfcExecutable.Result interrupted = await RfcExecutable.RunAsync(
            ["search", "congestion", "control"],
            Environment,
            async process =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
                await RfcExecutable.SignalAsync(process, "INT", TestContext.Current.CancellationToken);
            },
            TestContext.Current.CancellationToken);
        clock.Stop();
        writer.Close();
        CliResult after = await Run("search", "congestion", "control");

        Assert.Equal(130, interrupted.ExitCode);
        Assert.Equal("", interrupted.Stderr);
        Assert.Empty(interrupted.Stdout);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(RfcStore.BusyTimeoutMilliseconds), $"the search ended {clock.Elapsed} after it started: it waited out the lock");
        Assert.Equal(0, after.ExitCode);
        Assert.StartsWith("5681\tSeptember 2009\tDRAFT STANDARD\tTCP Congestion Control\t\n", Out(after));
    }

    [Fact]
    public async Task StoreLockedPastTheBusyTimeout_IsReportedAfterOneWait_NotOnePerStatement()
    {
        await SyncAsync();
        using SqliteConnection writer = HoldStoreLock();

        // Each of these waited out the lock once per statement it tried (plain open, then the full open's): 40 to 50 s.
        Stopwatch clock = Stopwatch.StartNew();
        RfcExecutable.Result read = await RfcExecutable.RunAsync(["2324", "--offline"], Environment, TestContext.Current.CancellationToken);
        TimeSpan readTook = clock.Elapsed;
        clock.Restart();
        RfcExecutable.Result search = await RfcExecutable.RunAsync(["search", "congestion", "control", "--limit", "3"], Environment, TestContext.Current.CancellationToken);
        TimeSpan searchTook = clock.Elapsed;

        string busy = $"rfc: error: the store at {Path.Combine(_home, RfcStore.FileName)} is busy (another rfc is writing); try again in a moment\n";
        Assert.Equal((5, busy), (read.ExitCode, read.Stderr));
        Assert.Equal((5, busy), (search.ExitCode, search.Stderr));
        TimeSpan twoWaits = TimeSpan.FromMilliseconds(2 * RfcStore.BusyTimeoutMilliseconds);
        Assert.True(readTook < twoWaits, $"the read reported the busy store after {readTook}");
        Assert.True(searchTook < twoWaits, $"the search reported the busy store after {searchTook}");
    }

    /// <summary>Another program's connection holding the store's file lock, as a long write can: readers wait for it.</summary>
    private SqliteConnection HoldStoreLock()
    {
        SqliteConnection writer = new($"Data Source={Path.Combine(_home, RfcStore.FileName)};Pooling=False");
        writer.Open();
        using SqliteCommand hold = writer.CreateCommand();
        hold.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;";
        hold.ExecuteNonQuery();
        return writer;
    }

    [Fact]
    public async Task Get_NamesCurrentRfcs_WhenReadingObsoleted_UnlessQuiet()
    {
        await SyncAsync();

        CliResult noisy = await Run("2616");
        CliResult quiet = await Run("2616", "--quiet");
        CliResult current = await Run("2119");

        Assert.Equal(["rfc: note: RFC 2616 is obsolete; read RFC 9110, RFC 9111 and RFC 9112 instead (from the index; --quiet hides this)"], noisy.StderrLines);
        Assert.Equal(SyntheticIndex.Documents[2616], Out(noisy));
        Assert.Equal("", quiet.Stderr);
        Assert.Equal(SyntheticIndex.Documents[2616], Out(quiet));
        Assert.Equal("", current.Stderr);
    }

    [Fact]
    public async Task Get_Section_RemovesPagination_AndToc_ListsHeadings()
    {
        CliResult section = await Run("2324", "--section", "Rationale and Scope");
        CliResult byNumber = await Run("2324", "--section", "2", "--offline");
        CliResult toc = await Run("2324", "--toc", "--offline");
        CliResult missing = await Run("2324", "--section", "9.9", "--offline");
        CliResult both = await Run("2324", "--section", "2", "--toc");

        Assert.Equal("1. Rationale and Scope\n\n   There is coffee all over the world.\n", Out(section));
        Assert.Equal("2. HTCPCP Protocol\n\n   This document specifies a protocol for controlling a coffee pot\n   over the network.\n", Out(byNumber));
        Assert.Equal("1. Rationale and Scope\n2. HTCPCP Protocol\n", Out(toc));
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal(["rfc: error: RFC 2324 has no section '9.9' (see its sections with 'rfc 2324 --toc')"], missing.StderrLines);
        Assert.Equal(2, both.ExitCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("(")]
    public async Task Get_Section_IsNoSuchSection_WhenQueryIsZeroOrPunctuation(string query)
    {
        await SyncAsync();

        CliResult result = await Run("2324", "--section", query);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"rfc: error: RFC 2324 has no section '{query}' (see its sections with 'rfc 2324 --toc')"], result.StderrLines);
        Assert.Equal("", Out(result));
    }

    [Fact]
    public async Task List_ShowsStoredDocuments_AndCacheClearRemovesThemButKeepsIndex()
    {
        await SyncAsync();
        await Run("2119");
        await Run("2324");

        CliResult list = await Run("list");
        CliResult clear = await Run("cache", "clear");
        CliResult empty = await Run("list");
        CliResult info = await Run("info", "2119");

        string[] lines = Out(list).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(["2119", Encoding.UTF8.GetByteCount(SyntheticIndex.Documents[2119]).ToString()], lines[0].Split('\t')[..2]);
        Assert.Equal("Key words for use in RFCs to Indicate Requirement Levels", lines[0].Split('\t')[3]);
        Assert.StartsWith("2324\t", lines[1]);
        Assert.Equal($"removed 2 documents from {_home}\n", Out(clear));
        Assert.Equal("", Out(empty));
        Assert.Equal([$"rfc: no documents stored in {_home}"], empty.StderrLines);
        Assert.Equal(0, info.ExitCode);
    }

    [Theory]
    [InlineData("sync")]
    [InlineData("info")]
    [InlineData("search")]
    [InlineData("list")]
    [InlineData("cache")]
    [InlineData("cache", "clear")]
    public async Task Help_ShowsExamples_ForEveryCommand(params string[] command)
    {
        CliResult result = await Run([.. command, "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Examples:", Out(result));
    }
}
