using System.Text;
using Rfc.Documents.Sections;

namespace Rfc.Documents.Tests.Sections;

/// <summary>
/// The section and contents parsers are linear in a line's length (issue 11 item 7: every parser). Before, a heading
/// whose title held 40,000 spaces took 17 s (the heading and contents-line expressions backtracked over white space),
/// so these megabyte lines would take hours; the timeout only turns such a regression into a failure.
/// </summary>
public sealed class RfcOutlineLinearityTests
{
    private const int Huge = 1_000_000;

    [Fact(Timeout = 120_000)]
    public async Task Parse_TakesLineForColumnsNotHeading_WhenItsTitleHoldsAMillionSpaces()
    {
        string line = "1.  Intro" + new string(' ', Huge) + "x";

        RfcOutline document = await Task.Run(() => RfcOutline.Parse($"{line}\n\n   Text.\n\n2.  Next\n"), TestContext.Current.CancellationToken);

        Assert.Equal("2", Assert.Single(document.Headings).Number);
        Assert.Null(document.FindSection("1"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Parse_ReadsContents_WhenALineIsAMillionCharactersOfDotLeader()
    {
        string leader = new StringBuilder(Huge).Insert(0, ". ", Huge / 2).ToString();
        string text = $"Table of Contents\n\n   1.  Intro{leader}x\n   2.  Other {leader}3\n\n1.  Intro\n\n   Text.\n";

        RfcOutline document = await Task.Run(() => RfcOutline.Parse(text), TestContext.Current.CancellationToken);

        Assert.Contains(document.Headings, h => h.Number == "1" && h.Title == "Intro");
        Assert.NotEmpty(document.TableOfContents);
    }

    [Fact(Timeout = 120_000)]
    public async Task Locate_FindsPage_WhenAFooterLineHoldsAMillionSpaces()
    {
        string text = "1.  Intro\n\n   Text.\n\nx" + new string(' ', Huge) + "y\n\nDoe    Informational    [Page 1]\n";

        RfcLocation location = await Task.Run(() => RfcTextLocator.Locate(text, text.IndexOf("Text", StringComparison.Ordinal)), TestContext.Current.CancellationToken);

        Assert.Equal(1, location.Page);
        Assert.Equal("1", location.Heading?.Number);
    }
}
