using System.Text;
using Rfc.Cli.Commands;

namespace Rfc.Cli.Tests;

/// <summary>Shell completion: the scripts, and the [suggest] directive they call back into.</summary>
public sealed class CompletionTests
{
    private static string[] Lines(CliResult result) => Encoding.UTF8.GetString(result.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData("rfc --tr", new[] { "--trace", "--transport" })]
    [InlineData("rfc --no", new[] { "--no-pager" })]
    [InlineData("rfc --transport ", new[] { "http", "socket" })]
    [InlineData("rfc comp", new[] { "completion" })]
    public async Task Suggest_CompletesOptionsAndValues_AtTheCursor(string line, string[] expected)
    {
        CliResult result = await CliRunner.RunAsync($"[suggest:{line.Length}]", line);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, Lines(result));
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Suggest_OffersTheShells_AfterCompletion()
    {
        CliResult result = await CliRunner.RunAsync("[suggest:15]", "rfc completion ");

        Assert.Equal(0, result.ExitCode);
        Assert.Superset(new HashSet<string> { "bash", "fish", "zsh" }, Lines(result).ToHashSet());
    }

    [Fact]
    public async Task Suggest_CompletesTheWordUnderTheCursor_WhenTextFollowsIt()
    {
        CliResult result = await CliRunner.RunAsync("[suggest:8]", "rfc --tr 2324");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["--trace", "--transport"], Lines(result));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _rfc_complete rfc")]
    [InlineData("zsh", "compdef _rfc rfc")]
    [InlineData("fish", "complete -c rfc -f -a '(__rfc_complete)'")]
    public async Task Completion_PrintsScriptThatCallsBackIntoRfc(string shell, string registration)
    {
        CliResult result = await CliRunner.RunAsync("completion", shell);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(CompletionCommand.Script(shell), Encoding.UTF8.GetString(result.Stdout));
        Assert.Contains(registration, CompletionCommand.Script(shell));
        Assert.Contains("[suggest:", CompletionCommand.Script(shell));
    }

    [Fact]
    public async Task Completion_ExitsUsage_ForAnUnknownShell()
    {
        CliResult result = await CliRunner.RunAsync("completion", "tcsh");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("rfc: error: ", result.StderrLines[0]);
        Assert.Contains("tcsh", result.StderrLines[0]);
    }
}
