using Rfc.Documents.Sections;

namespace Rfc.Documents.Tests.Sections;

public sealed class RfcPaginationTests
{
    private static string Footer(int page) => $"Doe                          Informational                      [Page {page}]";

    private const string Header = "RFC 9999                      Synthetic Test                    April 2026";

    [Fact]
    public void Remove_JoinsParagraph_WhenPageBreaksMidSentence()
    {
        string text = string.Join('\n',
            "   The first half of a sentence that",
            "", "", Footer(1), "\f", Header, "", "",
            "   continues on the next page.");

        string result = RfcPagination.Remove(text);

        Assert.Equal("   The first half of a sentence that\n   continues on the next page.", result);
    }

    [Fact]
    public void Remove_KeepsOneBlankLine_WhenPageBreaksBetweenParagraphs()
    {
        string text = string.Join('\n',
            "   A paragraph that ends here.",
            "", "", "", Footer(1), "\f", Header, "", "",
            "   A new paragraph.",
            "", Footer(2));

        string result = RfcPagination.Remove(text);

        Assert.Equal("   A paragraph that ends here.\n\n   A new paragraph.", result);
    }

    [Fact]
    public void Remove_KeepsBlankBeforeHeading_WhenNewPageStartsWithHeading()
    {
        string text = string.Join('\n',
            "   text without a full stop", "", Footer(3), "\f", Header, "", "", "2.  Next Section", "", "   body");

        string result = RfcPagination.Remove(text);

        Assert.Equal("   text without a full stop\n\n2.  Next Section\n\n   body", result);
    }

    [Fact]
    public void Remove_DropsHeaderOnFormFeedLine_WhenFormFeedIsNotAlone()
    {
        string text = string.Join('\n', "   one", "", Footer(1), "\f" + Header, "", "   two.");

        string result = RfcPagination.Remove(text);

        Assert.Equal("   one\n   two.", result);
    }

    [Fact]
    public void Remove_DropsMultiLineHeader_WhenOldStyleHeaderFollowsFormFeed()
    {
        string text = string.Join('\n',
            "  end of page one.", "", "                                                                [Page 1]", "\f", "",
            "                                                          September 1981", "Internet Protocol", "Introduction", "", "",
            "  start of page two.");

        string result = RfcPagination.Remove(text);

        Assert.Equal("  end of page one.\n\n  start of page two.", result);
    }

    [Fact]
    public void Remove_KeepsText_WhenFormFeedEndsAContentLine()
    {
        string text = string.Join('\n', "   last words\f", "   next page.");

        string result = RfcPagination.Remove(text);

        Assert.Equal("   last words\n   next page.", result);
    }

    [Fact]
    public void Remove_ChangesNothing_WhenTextIsUnpaginated()
    {
        string text = "1.  Introduction\n\n   Body text with a [Page 3] reference inside.\n\n2.  Two\n";

        string result = RfcPagination.Remove(text);

        Assert.Equal(text.TrimEnd('\n'), result);
    }

    [Fact]
    public void Remove_StripsCarriageReturns_WhenLinesEndWithCrLf()
    {
        string result = RfcPagination.Remove("a\r\nb\r\n");

        Assert.Equal("a\nb", result);
    }

    [Theory]
    [InlineData(2616)]
    [InlineData(2324)]
    [InlineData(791)]
    [InlineData(1661)]
    [InlineData(542)]
    public void Remove_LeavesNoPageFurniture_WhenRfcIsPaginated(int number)
    {
        string text = Rfc.Documents.Text.RfcTextDecoder.Decode(File.ReadAllBytes(Corpus.RfcPathOrSkip(number)));
        Assert.Contains('\f', text);

        string result = RfcPagination.Remove(text);

        Assert.DoesNotContain('\f', result);
        Assert.DoesNotMatch(@"(?m)\[Page \d+\]\s*$", result);
        Assert.DoesNotMatch(@"(?m)^RFC " + number + @"\s{2,}", result);
        Assert.DoesNotMatch(@"\n\s*\n\s*\n\s*\n\s*\n\s*\n", result[result.IndexOf("\n1", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void Remove_ChangesNothing_WhenRfcIsV3()
    {
        string text = Rfc.Documents.Text.RfcTextDecoder.Decode(File.ReadAllBytes(Corpus.RfcPathOrSkip(9110)));

        string result = RfcPagination.Remove(text);

        Assert.Equal(text.TrimEnd('\n'), result);
    }
}
