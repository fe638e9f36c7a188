using Rfc.Documents.Errata;
using Rfc.Documents.Sections;
using Rfc.Documents.Text;

namespace Rfc.Documents.Tests.Errata;

public sealed class ErrataPlacementTests
{
    private static ErrataRecord Erratum(string id, string section) => new() { Id = id, Rfc = new RfcNumber(1), StatusText = "Verified", TypeText = "Technical", Section = section };

    private static List<string> Lines(int number) => RfcPagination.SplitLines(RfcTextDecoder.Decode(File.ReadAllBytes(Corpus.RfcPathOrSkip(number))));

    [Fact]
    public void Place_PutsErratumAfterSectionEnd_InAV3Document()
    {
        List<string> lines = Lines(9110);

        ErrataPlacement placement = ErrataPlacement.Place(lines, [Erratum("1", "8.8.3"), Erratum("2", "GLOBAL"), Erratum("3", "99.9")]);

        int at = Assert.Single(placement.After).Key;
        // 8.8.3 (ETag) runs through its subsections 8.8.3.1 to 8.8.3.3, the last of section 8: the box goes after its
        // last text line, before "9.  Methods".
        Assert.True(lines[at].Trim().Length > 0);
        Assert.StartsWith("9.  Methods", lines[(at + 1)..].First(l => l.Trim().Length > 0), StringComparison.Ordinal);
        Assert.True(at > lines.FindIndex(l => l.StartsWith("8.8.3.3.  ", StringComparison.Ordinal)));
        Assert.Equal(["2", "3"], placement.Unplaced.Select(r => r.Id));
    }

    [Fact]
    public void Place_PutsErratumAfterThePageFooter_InAPaginatedDocument()
    {
        List<string> lines = Lines(2324);

        ErrataPlacement placement = ErrataPlacement.Place(lines, [Erratum("1", "2.1.1")]);

        // Section 2.1.1 ends on page 2 (its heading is line 86, 2.1.2 starts at line 103); page 2's footer is line 114.
        int at = Assert.Single(placement.After).Key;
        Assert.Equal(113, at);
        Assert.EndsWith("[Page 2]", lines[at], StringComparison.Ordinal);
    }

    [Fact]
    public void Place_KeepsOnlyErrataOfTheSection_WhenWithinIsGiven()
    {
        List<string> lines = Lines(9110);

        ErrataPlacement placement = ErrataPlacement.Place(lines, [Erratum("1", "8.8.3"), Erratum("2", "6.5.1"), Erratum("3", "GLOBAL")], within: "8.8");

        Assert.Equal(["1"], placement.After.Values.SelectMany(v => v).Select(r => r.Id));
        Assert.Equal(["3"], placement.Unplaced.Select(r => r.Id));
    }
}
