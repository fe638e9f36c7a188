using System.Diagnostics;
using System.Globalization;

namespace Rfc.Cli.Commands;

/// <summary>
/// One self-rewriting stderr line for full-text indexing, shown on a terminal only and only once the work has
/// taken more than <see cref="Delay"/> (an index that is nearly up to date stays silent).
/// </summary>
internal sealed class IndexProgressLine(CliContext context, bool immediately = false)
{
    /// <summary>How long indexing runs before the line appears.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);

    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private bool _shown;

    /// <summary>The callback to give the façade: (done, total).</summary>
    public Action<int, int>? Callback => context.StderrIsTerminal ? Report : null;

    /// <summary>Clears the line when it was shown.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_shown)
            {
                context.Stderr.Write("\r\u001b[K");
                context.Stderr.Flush();
                _shown = false;
            }
        }
    }

    private void Report(int done, int total)
    {
        lock (_gate)
        {
            if (!immediately && !_shown && Stopwatch.GetElapsedTime(_started) < Delay)
            {
                return;
            }

            _shown = true;
            context.Stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\rrfc: indexing for full-text search: {done}/{total} documents\u001b[K"));
            context.Stderr.Flush();
        }
    }
}
