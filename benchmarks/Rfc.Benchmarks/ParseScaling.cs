using System.Diagnostics;
using System.Globalization;
using System.Text;
using Rfc.Documents.Index;
using Rfc.Documents.Sections;

namespace Rfc.Benchmarks;

/// <summary>
/// <c>parse-scaling</c>: times the document parsers on hostile inputs of doubling size and prints the ratio of each
/// time to the one before. A linear parser shows ratios near 2; a quadratic one near 4 (issue 11 item 7). Best of
/// five runs per size, each after a full collection, so a busy machine inflates the figures less.
/// </summary>
internal static class ParseScaling
{
    private static readonly (string Name, Func<int, Action> Make)[] s_shapes =
    [
        ("text index: one title of n letters", n => Entry($"42 {new string('A', n)}. J. Postel. June 1999.")),
        ("text index: n/3 sentence breaks", n => Entry("42 " + Repeat("A. ", n / 3) + "x")),
        ("text index: n/15 trailing groups", n => Entry("42 Title. J. Postel. June 1999." + Repeat(" (Also RFC0001)", n / 15))),
        ("text index: n/15 initials in one author", n => Entry("42 Title. " + Repeat("A.-B.", n / 5) + " x. June 1999.")),
        ("text index: n bytes of real-looking entries", n => Index(Repeat("9999 Some Title. J. Postel. June 1999. (Format: TXT) (Status: UNKNOWN)\n\n", n / 72))),
        ("text index: one line of n letters (refused)", n => Index("1 " + new string('A', n) + "\n")),
        ("sections: a line of n spaces then text", n => Document("1.  Intro\n\n" + new string(' ', n) + "x\n")),
        ("sections: a line of n dots then 1", n => Document("1.  Intro\n\n" + new string('.', n) + " 1\n")),
        ("sections: a contents line of n/2 '. ' then 1", n => Document("Table of Contents\n\n   a" + Repeat(". ", n / 2) + "1\n")),
        ("sections: a contents line of n/2 '. ' then x", n => Document("Table of Contents\n\n   a" + Repeat(". ", n / 2) + "x\n")),
        ("sections: a contents line of n spaces then x", n => Document("Table of Contents\n\n   1.  a" + new string(' ', n) + "x\n")),
        ("sections: a heading of n/2 '1.' then x", n => Document("\n" + Repeat("1.", n / 2) + " x\n")),
        ("sections: a heading whose title has n spaces inside", n => Document("\n1.  a" + new string(' ', n) + "x\n")),
        ("sections: a heading whose title has n/2 ' \t' inside", n => Document("\nAppendix A.  a" + Repeat(" \t", n / 2) + "x\n")),
    ];

    public static int Run(int start, int steps)
    {
        Console.WriteLine("| input | n | ms | ratio to n/2 |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach ((string name, Func<int, Action> make) in s_shapes)
        {
            double previous = 0;
            for (int step = 0, n = start; step < steps; step++, n *= 2)
            {
                Action run = make(n);
                double best = double.MaxValue;
                for (int i = 0; i < 5; i++)
                {
                    // A collection left over from the last run would be charged to this one.
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    long t = Stopwatch.GetTimestamp();
                    run();
                    best = Math.Min(best, Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }

                string ratio = previous > 0 ? (best / previous).ToString("0.0", CultureInfo.InvariantCulture) : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {n:N0} | {best:0.0} | {ratio} |"));
                previous = best;
            }
        }

        return 0;
    }

    private static string Repeat(string s, int count) => new StringBuilder(s.Length * count).Insert(0, s, count).ToString();

    private static Action Entry(string text) => () => _ = RfcIndexTextParser.TryParseEntry(text, out _);

    private static Action Index(string text) => () =>
    {
        try
        {
            IAsyncEnumerator<RfcIndexEntry> e = RfcIndexTextParser.ParseAsync(new StringReader(text)).GetAsyncEnumerator();
            while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
            }
        }
        catch (IndexFormatException)
        {
        }
    };

    private static Action Document(string text) => () =>
    {
        RfcOutline document = RfcOutline.Parse(text);
        _ = document.TableOfContents.Count;
        _ = RfcTextLocator.Locate(text, document, text.Length);
    };
}
