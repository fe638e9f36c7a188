using System.Text;
using Rfc.Cli.Commands;
using Rfc.Testing;

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

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    public async Task CompletionScript_ParsesInItsShell(string shell)
    {
        string program = ShellPath(shell);
        using TemporaryDirectory folder = new("rfc-completion-");
        string script = Path.Combine(folder.Path, "rfc." + shell);
        await File.WriteAllTextAsync(script, CompletionCommand.Script(shell), TestContext.Current.CancellationToken);

        (int code, string output) = await RunShellAsync(program, ["-n", script], folder.Path);

        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task BashCompletion_RoundTrips_ThroughTheExecutable()
    {
        string bash = ShellPath("bash");
        using TemporaryDirectory folder = new("rfc-completion-");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "rfc"), RfcExecutable.Path);
        string script = Path.Combine(folder.Path, "rfc.bash");
        await File.WriteAllTextAsync(script, CompletionCommand.Script("bash"), TestContext.Current.CancellationToken);
        string line = "rfc --tra";
        string driver = $"source '{script}'; COMP_LINE='{line}'; COMP_POINT={line.Length}; COMP_WORDS=(rfc --tra); COMP_CWORD=1; _rfc_complete; printf '%s\\n' \"${{COMPREPLY[@]}}\"";

        (int code, string output) = await RunShellAsync(bash, ["-c", driver], folder.Path);

        Assert.Equal(0, code);
        Assert.Equal("--trace\n--transport\n", output);
    }

    /// <summary>The shell's path; skips with the reason when it is not installed (CI installs bash, zsh and fish).</summary>
    private static string ShellPath(string shell)
    {
        string? found = new[] { "/usr/bin", "/bin", "/usr/local/bin" }.Select(dir => Path.Combine(dir, shell)).FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Skip($"{shell} is not installed (.ci/run installs it)");
        }

        return found;
    }

    private static async Task<(int Code, string Output)> RunShellAsync(string shell, string[] args, string path)
    {
        System.Diagnostics.ProcessStartInfo start = new(shell) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        ChildEnvironment.Apply(start, new Dictionary<string, string> { ["PATH"] = path + ":/usr/bin:/bin", ["RFC_HOME"] = path });
        using System.Diagnostics.Process process = System.Diagnostics.Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
