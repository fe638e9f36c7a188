using Rfc.Cli;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>The outcome of one in-process run of rfc.</summary>
public sealed record CliResult(int ExitCode, byte[] Stdout, string Stderr)
{
    /// <summary>The stderr lines, without the trailing empty one.</summary>
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs <see cref="RfcApp.RunAsync(string[], CliContext, CancellationToken)"/> with a clean, explicit environment.</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, new Dictionary<string, string>());

    public static Task<CliResult> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment, bool terminal = false) =>
        RunCancellableAsync(args, environment, terminal, TestContext.Current.CancellationToken);

    public static async Task<CliResult> RunCancellableAsync(string[] args, IReadOnlyDictionary<string, string> environment, bool terminal, CancellationToken cancellationToken)
    {
        // Every run gets its own empty store, deleted afterwards, unless the test shares one on purpose.
        using TemporaryDirectory? home = environment.ContainsKey("RFC_HOME") ? null : new TemporaryDirectory("rfc-home-");
        if (home is not null)
        {
            environment = new Dictionary<string, string>(environment) { ["RFC_HOME"] = home.Path };
        }

        using MemoryStream stdout = new();
        using StringWriter stderr = new() { NewLine = "\n" };
        CliContext context = new(stdout, stderr, terminal, name => environment.GetValueOrDefault(name));
        int code = await RfcApp.RunAsync(args, context, cancellationToken);
        return new CliResult(code, stdout.ToArray(), stderr.ToString());
    }
}
