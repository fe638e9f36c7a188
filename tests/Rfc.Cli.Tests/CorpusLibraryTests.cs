using System.Text;
using System.Text.Json;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>The corpus store of <see cref="CorpusLibraryTests"/>: the real text index and a few documents.</summary>
public sealed class CorpusLibrary() : CorpusStoreFixture("rfc-corpus-home-", Stored, withErrata: false)
{
    public static readonly int[] Stored = [2119, 2324, 2616, 8174, 9110];
}

/// <summary>The "done when" of issue 4 on the real corpus: sync, info --tree, search, full-text, offline, sections.</summary>
public sealed class CorpusLibraryTests(CorpusLibrary library) : IClassFixture<CorpusLibrary>
{
    private Task<CliResult> Run(params string[] args)
    {
        if (library.Server is null)
        {
            Assert.Skip($"the shared RFC corpus was not found (set {CorpusLocator.EnvironmentVariable} or place it at ../shared/corpus)");
        }

        return CliRunner.RunAsync(args, library.Environment);
    }

    private static string Out(CliResult result) => Encoding.UTF8.GetString(result.Stdout);

    [Fact]
    public async Task Sync_ReadsEveryEntryOfRealTextIndex_ThenNothingChanges()
    {
        CliResult again = await Run("sync");

        string url = library.Server!.IndexUrl("rfc-index.txt");
        Assert.Equal($"synced 10018 entries from {url}: 10018 added, 0 changed\n", Out(library.FirstSync!));
        Assert.Equal($"synced 10018 entries from {url}: 0 added, 0 changed (not modified since the last sync)\n", Out(again));
        Assert.Contains(library.Server.Requests, r => r.Path == "/rfc-index.txt" && r.IfNoneMatch == SyntheticIndex.ETag);
    }

    [Fact]
    public async Task InfoTree_DrawsHttpLineage()
    {
        CliResult result = await Run("info", "9110", "--tree");

        string[] lines = Out(result).Split('\n');
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "RFC 9110  HTTP Semantics",
                "├── obsoletes RFC 2818  HTTP Over TLS",
                "├── obsoletes RFC 7230  Hypertext Transfer Protocol (HTTP/1.1): Message Syntax and Routing",
                "│   ├── obsoletes RFC 2145  Use and Interpretation of HTTP Version Numbers",
                "│   └── obsoletes RFC 2616  Hypertext Transfer Protocol -- HTTP/1.1",
                "│       └── obsoletes RFC 2068  Hypertext Transfer Protocol -- HTTP/1.1",
            ],
            lines[..6]);
        Assert.Contains("└── updates RFC 3864  Registration Procedures for Message Header Fields", lines);
    }

    [Fact]
    public async Task Search_CongestionControl_ProposedStandard_ListsOnlyMatchingProposedStandards()
    {
        CliResult result = await Run("search", "congestion control", "--status", "proposed standard");

        string[][] rows = [.. Out(result).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t'))];
        Assert.Equal(0, result.ExitCode);
        Assert.InRange(rows.Length, 10, 20);
        Assert.All(rows, row => Assert.Equal("PROPOSED STANDARD", row[2]));
        Assert.All(rows.Where(row => !row[4].Contains("partial match", StringComparison.Ordinal)), row => Assert.Contains("congestion control", row[3], StringComparison.OrdinalIgnoreCase));
        Assert.All(rows.Where(row => row[4].Contains("partial match", StringComparison.Ordinal)), row => Assert.Matches("(?i)congestion|control", row[3]));
        Assert.StartsWith("obsoleted, see RFC ", Assert.Single(rows, row => row[0] == "2581")[4]);
    }

    [Fact]
    public async Task FullText_CoffeePot_RanksRfc2324First()
    {
        CliResult result = await Run("search", "--full-text", "\"coffee pot\"");

        string[] first = Out(result).Split('\n')[0].Split('\t');
        Assert.Equal(0, result.ExitCode);
        // The index ranks pages: the hit shown is RFC 2324's page where "coffee pot" weighs most (bm25 per page),
        // not the first page that mentions it; its section is the heading before the snippet on that page.
        Assert.Equal("2324", first[0]);
        Assert.True(int.TryParse(first[1], out int page) && page is >= 1 and <= 10, first[1]);
        Assert.NotEmpty(first[2]);
        Assert.Contains("**coffee pot", first[3]);
    }

    [Fact]
    public async Task FullText_Json_ShowsTheScoreParts_AndTheCurrentStandardBeforeTheObsoleteOne()
    {
        CliResult result = await Run("search", "--full-text", "\"safe methods\"", "--json");

        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement[] hits = [.. json.RootElement.EnumerateArray()];
        int[] numbers = [.. hits.Select(h => h.GetProperty("number").GetInt32())];
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(9110, numbers[0]);
        Assert.Contains(2616, numbers);
        JsonElement current = hits[0].GetProperty("score_parts"), obsolete = hits[Array.IndexOf(numbers, 2616)].GetProperty("score_parts");
        Assert.True(current.GetProperty("standing").GetDouble() > obsolete.GetProperty("standing").GetDouble());
        Assert.True(current.GetProperty("bm25").GetDouble() < 0);
        Assert.InRange(obsolete.GetProperty("relevance").GetDouble(), 0.0, 1.0);
        double expected = current.GetProperty("relevance").GetDouble() * (1 + current.GetProperty("prior").GetDouble());
        Assert.Equal(expected, hits[0].GetProperty("score").GetDouble(), 9);
    }

    [Fact]
    public async Task Get_Offline_ServesStoredBytesExactly()
    {
        CliResult result = await Run("2324", "--offline");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(CorpusLocator.RfcPath(2324)!, TestContext.Current.CancellationToken), result.Stdout);
    }

    [Fact]
    public async Task Get_Bcp14_ResolvesThroughRealIndex()
    {
        CliResult result = await Run("bcp14", "--offline");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("rfc: BCP 14 is RFC 2119 and RFC 8174", result.StderrLines[0]);
    }

    [Fact]
    public async Task Get_ObsoleteNotice_NamesCurrentEnds()
    {
        CliResult result = await Run("2616", "--offline", "--toc");

        Assert.Equal(["rfc: note: RFC 2616 is obsolete; read RFC 9110, RFC 9111 and RFC 9112 instead (from the index; --quiet hides this)"], result.StderrLines);
        Assert.StartsWith("1. Introduction  7\n  1.1. Purpose  7\n", Out(result));
    }

    [Fact]
    public async Task Section_OfV3Rfc_ByNumber()
    {
        CliResult result = await Run("9110", "--offline", "--section", "8.8.3");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("8.8.3.  ETag\n\n   The \"ETag\" field in a response provides the current entity tag for\n", Out(result));
        Assert.Contains("8.8.3.3.  Example: Entity Tags Varying on Content-Negotiated Resources", Out(result));
        Assert.DoesNotContain("8.8.4", Out(result));
    }

    [Fact]
    public async Task Section_OfPaginatedRfc_ByTitle_HasNoPageFurniture()
    {
        CliResult result = await Run("2616", "--offline", "--quiet", "--section", "Security Considerations");

        string text = Out(result);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("15 Security Considerations\n", text);
        Assert.Contains("15.1.2 Transfer of Sensitive Information", text);
        Assert.DoesNotContain("[Page", text);
        Assert.DoesNotContain("\f", text);
        Assert.DoesNotContain("RFC 2616                        HTTP/1.1                       June 1999", text);
        Assert.DoesNotContain("16 Acknowledgments", text);
    }
}
