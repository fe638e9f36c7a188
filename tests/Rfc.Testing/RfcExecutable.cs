using System.Diagnostics;

namespace Rfc.Testing;

/// <summary>Runs the built <c>rfc</c> executable as a separate process, the way a user does.</summary>
public static class RfcExecutable
{
    /// <summary>The outcome of one run.</summary>
    public sealed record Result(int ExitCode, byte[] Stdout, string Stderr);

    /// <summary>
    /// The apphost the SDK copies next to the tests (a referenced Exe project), or <c>RFC_EXECUTABLE</c>
    /// when set (for example a NativeAOT build).
    /// </summary>
    public static string Path => Environment.GetEnvironmentVariable("RFC_EXECUTABLE") is { Length: > 0 } path
        ? path
        : System.IO.Path.Combine(AppContext.BaseDirectory, "rfc");

    /// <summary>Runs rfc with <paramref name="args"/> and a clean environment plus <paramref name="environment"/>.</summary>
    public static async Task<Result> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        ProcessStartInfo start = new(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        // Never the user's own store: each run gets an empty one, deleted afterwards, unless the test passes RFC_HOME.
        using TemporaryDirectory home = new("rfc-home-");
        ChildEnvironment.Apply(start, new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["RFC_HOME"] = environment?.GetValueOrDefault("RFC_HOME") ?? home.Path });

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Path}");
        process.StandardInput.Close();
        using MemoryStream stdout = new();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(stdout, cancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await copy;
        return new Result(process.ExitCode, stdout.ToArray(), await stderr);
    }
}
