using System.Diagnostics;

namespace Rfc.Cli;

/// <summary>
/// Sends output through a pager when stdout is a terminal, as git does: <c>$RFC_PAGER</c>, else
/// <c>$PAGER</c>, else <c>less</c>, with <c>LESS=FRX</c> unless the user set <c>LESS</c> (quit if one screen,
/// keep colours, do not clear the screen).
/// </summary>
internal sealed class Pager : IAsyncDisposable
{
    private readonly Process _process;

    private Pager(Process process) => _process = process;

    /// <summary>The pager's standard input.</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>The pager command to use, or null for none (<c>cat</c> or an empty value mean none).</summary>
    public static string? Command(CliContext context)
    {
        string? chosen = context.Env("RFC_PAGER") ?? context.Env("PAGER");
        if (chosen is null)
        {
            // The default only when it exists: a minimal system without less still gets the document.
            return OnPath("less", context) ? "less" : null;
        }

        return chosen.Trim() is "" or "cat" ? null : chosen;
    }

    private static bool OnPath(string program, CliContext context)
    {
        foreach (string folder in (context.Env("PATH") ?? "/usr/local/bin:/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(folder, program)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Starts the pager through <c>/bin/sh -c</c>, so commands with arguments work; null if it cannot start.</summary>
    public static Pager? TryStart(string command, CliContext context)
    {
        ProcessStartInfo start = new("/bin/sh") { RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        if (context.Env("LESS") is null)
        {
            start.Environment["LESS"] = "FRX";
        }

        try
        {
            Process? process = Process.Start(start);
            return process is null ? null : new Pager(process);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Closes the pager's input and waits for the user to quit it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The user quit the pager before reading everything: not an error.
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }
}
