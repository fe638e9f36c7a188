using Rfc.Documents.Errata;
using Rfc.Documents.References;
using Rfc.Documents.Text;

namespace Rfc.Fuzz;

/// <summary>Targets for the errata and reference parsers (the library's <c>rfc errata</c> and <c>rfc refs</c>).</summary>
internal static class LibraryTargets
{
    /// <summary>The lines errata are placed in: headings of both styles, so placement has somewhere to go.</summary>
    private static readonly string[] s_lines = ["1.  Introduction", "", "   Text.", "", "2.  Protocol", "", "2.1.  Messages", "", "   More.", "", "Appendix A.  Examples", ""];

    /// <summary>
    /// <see cref="ErrataParser"/> over the input as errata.json, from a span and from a stream read in small pieces:
    /// both must agree; only <see cref="ErrataFormatException"/> may escape. Each record's section list and placement
    /// must not throw.
    /// </summary>
    public static void Errata(byte[] input)
    {
        ErrataParseResult? whole = ParseErrata(() => ErrataParser.Parse(input));
        ErrataParseResult? streamed = ParseErrata(() => ErrataParser.Parse(new ScriptedStream(input, (input.Length % 61) + 1)));
        FuzzCheck.That((whole is null) == (streamed is null), "span and stream parsing disagree on the verdict");
        if (whole is null || streamed is null)
        {
            return;
        }

        FuzzCheck.That(whole.Records.Count == streamed.Records.Count && whole.Skipped == streamed.Skipped, "span and stream parsing disagree on the records");
        foreach (ErrataRecord record in whole.Records.Take(64))
        {
            _ = ErrataSections.Parse(record.Section);
            _ = record.Status;
            _ = record.Type;
        }

        ErrataPlacement placement = ErrataPlacement.Place(s_lines, whole.Records);
        FuzzCheck.That(placement.After.Values.Sum(l => l.Count) + placement.Unplaced.Count <= whole.Records.Count, "an erratum placed twice");
    }

    private static ErrataParseResult? ParseErrata(Func<ErrataParseResult> parse)
    {
        try
        {
            return parse();
        }
        catch (ErrataFormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// <see cref="ReferenceParser"/> over the input decoded as an RFC's text; only <see cref="ReferenceFormatException"/>
    /// may escape, and no entry is longer than the parser's own limit.
    /// </summary>
    public static void References(byte[] input)
    {
        string text = RfcTextDecoder.Decode(input);
        try
        {
            ReferenceList list = ReferenceParser.Parse(text);
            foreach (Reference reference in list.References)
            {
                FuzzCheck.That(reference.Text.Length <= ReferenceParser.MaxEntryLength + reference.Label.Length + 2, "an entry over the limit");
            }
        }
        catch (ReferenceFormatException)
        {
        }
    }
}
