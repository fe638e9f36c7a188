using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Rfc.Cli.Tests;

/// <summary><c>rfc search</c> over the synthetic index: corrections, partial matches, numbers, no match, the score's parts, usage errors.</summary>
public sealed class SearchRankingTests : IAsyncLifetime
{
    private readonly string _home = Directory.CreateTempSubdirectory("rfc-home-").FullName;
    private IndexServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await IndexServer.StartSyntheticAsync();
        Assert.Equal(0, (await Run("sync")).ExitCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_home, recursive: true);
    }

    private Dictionary<string, string> Environment => new() { ["RFC_HOME"] = _home, ["RFC_INDEX_URL"] = _server.IndexUrl(), ["RFC_SOURCE"] = _server.Source };

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(args, Environment);

    private static string Out(CliResult result) => Encoding.UTF8.GetString(result.Stdout);

    private const string Coffee = "2324\tApril 1998\tINFORMATIONAL\tHyper Text Coffee Pot Control Protocol (HTCPCP/1.0)\t\n";

    [Fact]
    public async Task Search_SaysWhatItSearchedFor_WhenAWordIsCorrected()
    {
        CliResult result = await Run("search", "cofee", "pot");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Coffee, Out(result));
        Assert.Equal(["rfc: searching for \"coffee pot\""], result.StderrLines);
    }

    [Fact]
    public async Task Search_FallsBackToPartialMatches_AndSaysSo()
    {
        CliResult result = await Run("search", "coffee", "qqxzv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Coffee.Replace("\t\n", "\tpartial match\n", StringComparison.Ordinal), Out(result));
        Assert.Equal(["rfc: no RFC matches every word of \"coffee qqxzv\"; these match some of them"], result.StderrLines);
    }

    [Fact]
    public async Task Search_ExitsNotFound_WithOneLineAndNoOutput_WhenNothingMatches()
    {
        CliResult text = await Run("search", "qqxzv");
        CliResult json = await Run("search", "qqxzv", "wwxzq", "--json");

        foreach (CliResult result in new[] { text, json })
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Empty(result.Stdout);
            Assert.Single(result.StderrLines);
        }

        Assert.Equal("rfc: error: no RFC in the index matches 'qqxzv' (try fewer or other words, or 'rfc sync' for a newer index)", text.StderrLines[0]);
    }

    [Fact]
    public async Task Search_GoesStraightToTheDocument_ForNumbersAndSubseries()
    {
        CliResult number = await Run("search", "rfc", "2324");
        CliResult bcp = await Run("search", "bcp", "14");

        Assert.Equal(Coffee, Out(number));
        Assert.Equal(["2119", "8174"], Out(bcp).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]).Order());
    }

    [Fact]
    public async Task Search_Json_IncludesTheScoresParts()
    {
        CliResult result = await Run("search", "http/1.1", "--json", "--limit", "1");
        using JsonDocument json = JsonDocument.Parse(result.Stdout);

        JsonElement hit = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(9112, hit.GetProperty("number").GetInt32());
        Assert.False(hit.GetProperty("partial").GetBoolean());
        JsonElement parts = hit.GetProperty("score_parts");
        Assert.Equal(1, parts.GetProperty("name").GetDouble());
        Assert.Equal(1.25, parts.GetProperty("standing").GetDouble());
        Assert.Equal(
            ["text", "coverage", "name", "standing", "centrality", "version"],
            parts.EnumerateObject().Select(p => p.Name));
        Assert.True(hit.GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public async Task Search_TableShowsStatus_AndMarksObsoleteWithReplacement()
    {
        CliResult result = await CliRunner.RunAsync(["search", "hypertext", "transfer", "protocol", "--limit", "1"], Environment, terminal: true);

        string[] lines = Out(result).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("RFC ", lines[0]);
        Assert.Contains("STATUS", lines[0]);
        Assert.Matches(@"^\d{4}  .*(PROPOSED|DRAFT) STANDARD  Hypertext Transfer Protocol.*  \[obsoleted, see RFC ", lines[1]);
    }

    [Fact]
    public async Task Search_ExitsUsage_ForAnOverlongQuery()
    {
        CliResult result = await Run("search", new string('a', 1001));

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal("rfc: error: the search query is 1001 characters long; at most 1000 are searched (shorten it)", result.StderrLines[0]);
    }

    [Theory]
    [InlineData("--since", "last year", "rfc: error: --since takes a year such as 2020, not 'last year'")]
    [InlineData("--limit", "ten", "rfc: error: --limit takes a number of results from 1 to 1000, not 'ten'")]
    public async Task Search_ExitsUsage_SayingWhatWasExpected_ForANonNumber(string option, string value, string line)
    {
        CliResult result = await Run("search", "http", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(line, result.StderrLines[0]);
        Assert.DoesNotContain("Nullable", result.Stderr);
    }
}
