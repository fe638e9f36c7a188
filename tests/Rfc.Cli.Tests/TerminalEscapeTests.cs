using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>
/// Index data is not trusted with the terminal: a title that would retitle the window (ESC ] 0 ; … BEL) or clear the
/// screen (ESC [ 2 J) is shown escaped in every human-readable output, and kept exact in JSON.
/// </summary>
public sealed class TerminalEscapeTests : IAsyncLifetime
{
    private const string Hostile = "Evil \u001b]0;pwned\u0007Title\u001b[2J";
    private const string Shown = "Evil \\x1b]0;pwned\\x07Title\\x1b[2J";

    private readonly TemporaryDirectory _home = new("rfc-home-");
    private IndexServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        string index = $"RFC INDEX\n\n4242 {Hostile}. A. \u001b[31mAuthor. April 2000. (Format: TXT) (Status: INFORMATIONAL) (DOI: 10.17487/RFC4242)\n\n";
        _server = await IndexServer.StartAsync(
            name => name == "rfc-index.txt" ? Encoding.UTF8.GetBytes(index) : null,
            number => number == 4242 ? "1.  Introduction\n\n   Hostile \u001b[2J text about coffee.\n"u8.ToArray() : null);
        Assert.Equal(0, (await Run("sync", "--index-url", _server.IndexUrl("rfc-index.txt"))).ExitCode);
        Assert.Equal(0, (await Run("4242")).ExitCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _home.Dispose();
    }

    private Task<CliResult> Run(params string[] args) => RunOn(terminal: false, args);

    private Task<CliResult> RunOn(bool terminal, params string[] args) =>
        CliRunner.RunAsync(args, new Dictionary<string, string> { ["RFC_HOME"] = _home.Path, ["RFC_SOURCE"] = _server.Source }, terminal);

    private static string Out(CliResult result) => Encoding.UTF8.GetString(result.Stdout);

    [Theory]
    [InlineData(false, "info", "4242")]
    [InlineData(false, "search", "evil")]
    [InlineData(true, "search", "evil")]
    [InlineData(false, "list")]
    [InlineData(true, "list")]
    [InlineData(false, "search", "--full-text", "coffee")]
    [InlineData(true, "search", "--full-text", "coffee")]
    public async Task HumanOutput_ShowsControlCharactersEscaped(bool terminal, params string[] args)
    {
        CliResult result = await RunOn(terminal, args);

        Assert.Equal(0, result.ExitCode);
        string shown = Out(result) + result.Stderr;
        Assert.DoesNotContain('\u001b', shown.Replace("\u001b[1;33m", "", StringComparison.Ordinal).Replace("\u001b[0m", "", StringComparison.Ordinal));
        Assert.DoesNotContain('\u0007', shown);
        if (args[^1] != "coffee")
        {
            Assert.Contains(Shown, shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Info_ShowsTitleLineEscaped_AndAuthorToo()
    {
        CliResult result = await Run("info", "4242");

        string[] lines = Out(result).Split('\n');
        Assert.Equal($"RFC 4242: {Shown}", lines[0]);
        Assert.Contains(lines, line => line.StartsWith("Authors:", StringComparison.Ordinal) && line.Contains("\\x1b[31m", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_KeepsTheTitleExact()
    {
        CliResult info = await Run("info", "4242", "--json");
        CliResult search = await Run("search", "evil", "--json");

        using JsonDocument entry = JsonDocument.Parse(info.Stdout);
        using JsonDocument hits = JsonDocument.Parse(search.Stdout);
        Assert.Equal(Hostile, entry.RootElement.GetProperty("title").GetString());
        Assert.Equal(Hostile, hits.RootElement[0].GetProperty("title").GetString());
    }
}
