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
    public static Task<Result> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default) =>
        RunWrappedAsync([], args, environment, cancellationToken);

    /// <summary>
    /// Runs <paramref name="wrapper"/> (a command and its arguments, for example <c>unshare -rm sh -c SCRIPT sh</c>)
    /// followed by rfc's path and <paramref name="args"/>, with the environment of <c>RunAsync</c>.
    /// </summary>
    public static Task<Result> RunWrappedAsync(IReadOnlyList<string> wrapper, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default) =>
        RunAsync(wrapper, args, environment, whileRunning: null, cancellationToken);

    /// <summary>
    /// As <c>RunAsync</c> above, calling
    /// <paramref name="whileRunning"/> with the running process (to signal it, say) before waiting for it to exit.
    /// </summary>
    public static Task<Result> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, Func<Process, Task> whileRunning, CancellationToken cancellationToken = default) =>
        RunAsync([], args, environment, whileRunning, cancellationToken);

    /// <summary>Sends <paramref name="signal"/> (a name <c>kill</c> knows: INT, TERM) to <paramref name="process"/>, as a terminal or a service manager does.</summary>
    public static async Task SignalAsync(Process process, string signal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(process);
        using Process kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {process.Id} failed with exit code {kill.ExitCode}");
        }
    }

    private static async Task<Result> RunAsync(IReadOnlyList<string> wrapper, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, Func<Process, Task>? whileRunning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wrapper);
        ProcessStartInfo start = new(wrapper.Count > 0 ? wrapper[0] : Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in wrapper.Skip(1).Concat(wrapper.Count > 0 ? [Path] : []).Concat(args))
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
        if (whileRunning is not null)
        {
            await whileRunning(process);
        }

        await process.WaitForExitAsync(cancellationToken);
        await copy;
        return new Result(process.ExitCode, stdout.ToArray(), await stderr);
    }
}
