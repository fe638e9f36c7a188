using System.Globalization;
using System.Text;
using Rfc.Documents;

namespace Rfc.Cli;

/// <summary>Output helpers shared by the library commands (sync, info, search, list, cache).</summary>
internal static class LibraryOutput
{
    /// <summary>The hint every command that needs the index gives before the first sync.</summary>
    public const string SyncHint = "run 'rfc sync' first to download the RFC index";

    /// <summary>
    /// A UTF-8 writer over stdout without a BOM, left open; flush it before returning. A 4096-character buffer, as the
    /// parser's writer has: 16384 characters cost about 80 KB of fresh memory (the characters and the bytes they encode
    /// to) for output that is usually a screenful, a cost every search paid in page faults.
    /// </summary>
    public static StreamWriter Writer(CliContext context) =>
        new(context.Stdout, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 4096, leaveOpen: true) { NewLine = "\n" };

    /// <summary>A client over the environment's store, for the commands that read only the local library (no network options).</summary>
    public static RfcClient LocalClient(CliContext context) => new(new RfcClientOptions { StoreDirectory = RfcClient.StoreDirectoryFor(context.Env) });

    /// <summary><c>RFC 9110, RFC 9111 and RFC 9112</c>.</summary>
    public static string JoinRfcs(IEnumerable<RfcNumber> numbers)
    {
        string[] names = [.. numbers.Select(n => $"RFC {n}")];
        return names.Length <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " and " + names[^1];
    }

    /// <summary>
    /// Writes rows as a table with aligned columns on a terminal (a header line first), or as tab-separated lines
    /// for scripts. The last column is not padded. Control characters in cells are shown escaped (<see cref="Terminal"/>).
    /// </summary>
    public static void Table(TextWriter output, bool terminal, string[] header, IEnumerable<string[]> rows)
    {
        // A loop, not rows.Select(...): rows is usually a LINQ Select already, and Select over it is a generic virtual
        // method, which NativeAOT resolves at run time (see SearchQuery.NameTerms).
        List<string[]> all = [];
        foreach (string[] row in rows)
        {
            all.Add(Array.ConvertAll(row, cell => Terminal.Escape(cell, keep: terminal ? "" : "\t\n")));
        }

        if (!terminal)
        {
            foreach (string[] row in all)
            {
                output.WriteLine(string.Join('\t', row.Select(cell => cell.Replace('\t', ' ').Replace('\n', ' '))));
            }

            return;
        }

        List<string[]> lines = [header, .. all];
        int[] widths = new int[header.Length];
        foreach (string[] row in lines)
        {
            for (int i = 0; i < row.Length - 1; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (string[] row in lines)
        {
            StringBuilder line = new();
            for (int i = 0; i < row.Length; i++)
            {
                line.Append(i < row.Length - 1 ? row[i].PadRight(widths[i] + 2) : row[i]);
            }

            output.WriteLine(line.ToString().TrimEnd());
        }
    }

    /// <summary>Wraps <paramref name="text"/> at <paramref name="width"/> columns, each line indented.</summary>
    public static IEnumerable<string> Wrap(string text, int width, string indent)
    {
        StringBuilder line = new(indent);
        foreach (string word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append(indent);
            }

            if (line.Length > indent.Length)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > indent.Length)
        {
            yield return line.ToString();
        }
    }

    /// <summary>A size for people: <c>512 B</c>, <c>12.3 KiB</c>, <c>1.5 MiB</c>.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
    };

    /// <summary>An age for people: <c>just now</c>, <c>5 min</c>, <c>3 h</c>, <c>12 days</c>.</summary>
    public static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes} min"),
        { TotalDays: < 2 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays} days"),
    };
}
