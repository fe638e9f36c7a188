namespace Rfc.Cli;

/// <summary>The command-line application.</summary>
public static class RfcApp
{
    /// <summary>Runs rfc in the real console.</summary>
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length);
}
