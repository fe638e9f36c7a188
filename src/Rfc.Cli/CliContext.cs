namespace Rfc.Cli;

/// <summary>
/// What the command line runs against: the output streams, whether stdout is a terminal, and the
/// environment. Tests pass their own; <see cref="RfcApp.RunAsync(string[])"/> passes the real console.
/// </summary>
/// <param name="Stdout">Where documents and results go, as bytes.</param>
/// <param name="Stderr">Where errors, warnings and traces go.</param>
/// <param name="StdoutIsTerminal">True when stdout is a terminal (then a pager is used).</param>
/// <param name="Environment">Looks up an environment variable.</param>
internal sealed record CliContext(Stream Stdout, TextWriter Stderr, bool StdoutIsTerminal, Func<string, string?> Environment)
{
    /// <summary>Standard input, for commands that read a file named <c>-</c>; null means the console's.</summary>
    public Stream? Stdin { get; init; }

    /// <summary>True when stderr is a terminal (then progress is drawn there).</summary>
    public bool StderrIsTerminal { get; init; }

    /// <summary>The value of environment variable <paramref name="name"/>, or null when unset or empty.</summary>
    public string? Env(string name) => Environment(name) is { Length: > 0 } value ? value : null;
}
