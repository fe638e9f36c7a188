using Rfc.Documents.Sections;
using Rfc.Documents.Text;

namespace Rfc.Documents.Tests.Sections;

public sealed class RfcOutlineTests
{
    // A v3-style document (no pagination, indented table of contents, appendices, a wrapped TOC title).
    private const string V3Document = """
        Internet Engineering Task Force (IETF)                          J. Doe
        Request for Comments: 9999                                     Example
        Category: Informational                                     April 2026


                             A Synthetic Test Document

        Abstract

           This document exists for tests.

        Table of Contents

           1.  Introduction
           2.  Protocol
             2.1.  Messages
               2.1.1.  Requests That Have a Rather Long Title Which Needs to
                       Wrap
             2.2.  Security Considerations of Messages
           3.  Security Considerations
           Appendix A.  Examples
             A.1.  First Example
           Authors' Addresses

        1.  Introduction

           Intro text.

        2.  Protocol

           Protocol text.

        2.1.  Messages

           Messages text.

        2.1.1.  Requests That Have a Rather Long Title Which Needs to Wrap

           Requests text.

        2.2.  Security Considerations of Messages

           Message security text.

        3.  Security Considerations

           Security text.

        Appendix A.  Examples

           Examples text.

        A.1.  First Example

           First example text.

        Authors' Addresses

           J. Doe
        """;

    // An old paginated document with no table of contents and headings without trailing periods.
    private static readonly string s_pagedDocument = string.Join('\n',
        "Network Working Group                                           J. Doe",
        "Request for Comments: 9998                                      Example",
        "Category: Informational                                      April 1998",
        "",
        "",
        "                          An Old Test Document",
        "",
        "Status of this Memo",
        "",
        "   This memo provides information.",
        "",
        "1 Introduction",
        "",
        "   The introduction spans a page break in the middle of a",
        "",
        "",
        "Doe                          Informational                      [Page 1]",
        "\f",
        "RFC 9998                  An Old Test Document               April 1998",
        "",
        "",
        "   sentence and then ends.",
        "",
        "1.1 Scope",
        "",
        "   Scope text.",
        "",
        "2 Security Considerations",
        "",
        "   None.",
        "",
        "Doe                          Informational                      [Page 2]",
        "");

    [Theory]
    [InlineData("2.1", "2.1.  Messages")]
    [InlineData("Section 2.1", "2.1.  Messages")]
    [InlineData("2.1.", "2.1.  Messages")]
    [InlineData("§2.1.1", "2.1.1.  Requests That Have a Rather Long Title Which Needs to Wrap")]
    [InlineData("A.1", "A.1.  First Example")]
    [InlineData("appendix a.1", "A.1.  First Example")]
    [InlineData("Appendix A", "Appendix A.  Examples")]
    [InlineData("A", "Appendix A.  Examples")]
    [InlineData("security considerations", "3.  Security Considerations")]
    [InlineData("SECURITY CONSIDERATIONS.", "3.  Security Considerations")]
    [InlineData("Authors' Addresses", "Authors' Addresses")]
    [InlineData("Messages", "2.1.  Messages")]
    [InlineData("Long Title", "2.1.1.  Requests That Have a Rather Long Title Which Needs to Wrap")]
    public void FindSection_StartsAtHeading_WhenQueryMatchesNumberOrTitle(string query, string firstLine)
    {
        RfcOutline document = RfcOutline.Parse(V3Document);

        RfcSection? section = document.FindSection(query);

        Assert.NotNull(section);
        Assert.Equal(firstLine, section.Text.Split('\n')[0]);
    }

    [Fact]
    public void FindSection_IncludesSubsectionsAndStopsAtSibling_WhenSectionHasChildren()
    {
        RfcOutline document = RfcOutline.Parse(V3Document);

        RfcSection? section = document.FindSection("2.1");

        Assert.Equal("2.1.  Messages\n\n   Messages text.\n\n2.1.1.  Requests That Have a Rather Long Title Which Needs to Wrap\n\n   Requests text.", section?.Text);
    }

    [Fact]
    public void FindSection_StopsAtNextTopLevelSection_WhenSectionIsTopLevel()
    {
        RfcOutline document = RfcOutline.Parse(V3Document);

        RfcSection? section = document.FindSection("2");

        Assert.NotNull(section);
        Assert.StartsWith("2.  Protocol", section.Text);
        Assert.EndsWith("   Message security text.", section.Text);
        Assert.Contains("\n2.2.  Security Considerations of Messages\n", section.Text);
        Assert.DoesNotContain("3.  Security Considerations", section.Text);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("2.9")]
    [InlineData("Appendix C")]
    [InlineData("IANA Considerations")]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("1.0")]
    [InlineData("(")]
    [InlineData("'")]
    [InlineData(" -- ")]
    [InlineData(".")]
    public void FindSection_ReturnsNull_WhenNothingMatches(string query)
    {
        RfcOutline document = RfcOutline.Parse(V3Document);

        RfcSection? section = document.FindSection(query);

        Assert.Null(section);
    }

    [Fact]
    public void TableOfContents_ComesFromDocument_WhenDocumentHasOne()
    {
        RfcOutline document = RfcOutline.Parse(V3Document);

        IReadOnlyList<TocEntry> toc = document.TableOfContents;

        Assert.True(document.HasOwnTableOfContents);
        Assert.Equal(
            [
                new TocEntry("1", "Introduction", 1),
                new TocEntry("2", "Protocol", 1),
                new TocEntry("2.1", "Messages", 2),
                new TocEntry("2.1.1", "Requests That Have a Rather Long Title Which Needs to Wrap", 3),
                new TocEntry("2.2", "Security Considerations of Messages", 2),
                new TocEntry("3", "Security Considerations", 1),
                new TocEntry("A", "Examples", 1),
                new TocEntry("A.1", "First Example", 2),
                new TocEntry(null, "Authors' Addresses", 1),
            ],
            toc);
    }

    [Fact]
    public void Headings_ExcludeTableOfContentsLines_WhenTocIsPresent()
    {
        RfcOutline document = RfcOutline.Parse(V3Document);

        Assert.Equal(
            [null, null, "1", "2", "2.1", "2.1.1", "2.2", "3", "A", "A.1", null],
            document.Headings.Select(h => h.Number));
        Assert.Equal(["Abstract", "Table of Contents"], document.Headings.Take(2).Select(h => h.Title));
    }

    [Fact]
    public void TableOfContents_IsBuiltFromHeadings_WhenDocumentHasNone()
    {
        RfcOutline document = RfcOutline.Parse(s_pagedDocument);

        IReadOnlyList<TocEntry> toc = document.TableOfContents;

        Assert.False(document.HasOwnTableOfContents);
        Assert.Equal(
            [new TocEntry("1", "Introduction", 1), new TocEntry("1.1", "Scope", 2), new TocEntry("2", "Security Considerations", 1)],
            toc);
    }

    // Issue 11 item 8: before, a number no heading has and a query of punctuation matched any title containing them.
    [Theory]
    [InlineData("0")]
    [InlineData("1.0")]
    [InlineData("(")]
    [InlineData(")")]
    [InlineData("/")]
    public void FindSection_ReturnsNull_WhenQueryIsAMissingNumberOrHasNoWord(string query)
    {
        RfcOutline document = RfcOutline.Parse("1.  Introduction\n\n   Text.\n\n2.  HTTP/1.0 (Legacy) Framing\n\n   More text.\n");

        RfcSection? section = document.FindSection(query);

        Assert.Null(section);
        Assert.Equal("2.  HTTP/1.0 (Legacy) Framing", document.FindSection("HTTP/1.0 (legacy)")?.Text.Split('\n')[0]);
    }

    [Fact]
    public void FindSection_ReturnsTextWithoutPageBreak_WhenSectionSpansPages()
    {
        RfcOutline document = RfcOutline.Parse(s_pagedDocument);

        RfcSection? section = document.FindSection("1");

        Assert.Equal(
            "1 Introduction\n\n   The introduction spans a page break in the middle of a\n   sentence and then ends.\n\n1.1 Scope\n\n   Scope text.",
            section?.Text);
    }

    [Fact]
    public void FindSection_EndsAtLastLine_WhenSectionIsLast()
    {
        RfcOutline document = RfcOutline.Parse(s_pagedDocument);

        RfcSection? section = document.FindSection("Security Considerations");

        Assert.Equal("2 Security Considerations\n\n   None.", section?.Text);
    }

    [Theory]
    [InlineData("8.8.3", "8.8.3.  ETag")]
    [InlineData("Section 8.8.3", "8.8.3.  ETag")]
    [InlineData("B.1", "B.1.  Changes from RFC 2818")]
    [InlineData("Appendix B.1", "B.1.  Changes from RFC 2818")]
    [InlineData("Appendix A", "Appendix A.  Collected ABNF")]
    [InlineData("15.5.10", "15.5.10.  409 Conflict")]
    [InlineData("Security Considerations", "17.  Security Considerations")]
    [InlineData("Abstract", "Abstract")]
    public void FindSection_FindsHeading_WhenReadingRfc9110(string query, string firstLine)
    {
        RfcOutline document = Load(9110);

        RfcSection? section = document.FindSection(query);

        Assert.NotNull(section);
        Assert.Equal(firstLine, section.Text.Split('\n')[0]);
    }

    [Fact]
    public void FindSection_ReturnsSubsectionsUntilSibling_WhenReadingRfc9110Etag()
    {
        RfcOutline document = Load(9110);

        RfcSection? section = document.FindSection("8.8.3");

        Assert.NotNull(section);
        Assert.Contains("\n8.8.3.1.  Generation\n", section.Text);
        Assert.Contains("\n8.8.3.3.  Example: Entity Tags Varying on Content-Negotiated", section.Text);
        Assert.DoesNotContain("\n9.  Methods", section.Text);
        Assert.Equal("9", document.Headings.SkipWhile(h => h.Number != "8.8.3.3").Skip(1).First().Number);
    }

    [Fact]
    public void TableOfContents_MatchesNumberedHeadings_WhenReadingRfc9110()
    {
        RfcOutline document = Load(9110);

        IReadOnlyList<TocEntry> toc = document.TableOfContents;

        Assert.True(document.HasOwnTableOfContents);
        Assert.Equal(new TocEntry("1", "Introduction", 1), toc[0]);
        Assert.Contains(new TocEntry("8.8.3.3", "Example: Entity Tags Varying on Content-Negotiated Resources", 4), toc);
        Assert.Contains(new TocEntry("B.9", "Changes from RFC 7694", 2), toc);
        Assert.Equal(new TocEntry(null, "Authors' Addresses", 1), toc[^1]);
        Assert.Equal(
            toc.Where(e => e.Number is not null).Select(e => e.Number),
            document.Headings.Where(h => h.Number is not null).Select(h => h.Number));
    }

    [Fact]
    public void FindSection_FindsPaginatedSections_WhenReadingRfc2616()
    {
        RfcOutline document = Load(2616);

        RfcSection? security = document.FindSection("security considerations");
        RfcSection? contentLength = document.FindSection("14.13");
        RfcSection? multiHomed = document.FindSection("19.6.1.1");

        Assert.NotNull(security);
        Assert.StartsWith("15 Security Considerations\n", security.Text);
        Assert.Contains("\n15.1.1 Abuse of Server Log Information\n", security.Text);
        Assert.Contains("\n15.7.1 Denial of Service Attacks on Proxies\n", security.Text);
        Assert.DoesNotContain("16 Acknowledgments", security.Text);
        Assert.DoesNotContain("[Page", security.Text);
        Assert.DoesNotContain("RFC 2616                        HTTP/1.1", security.Text);
        Assert.DoesNotContain('\f', security.Text);
        Assert.NotNull(contentLength);
        Assert.StartsWith("14.13 Content-Length\n\n   The Content-Length entity-header field", contentLength.Text);
        Assert.Equal("Changes to Simplify Multi-homed Web Servers and Conserve IP Addresses", multiHomed?.Heading.Title);
    }

    [Fact]
    public void TableOfContents_HasPages_WhenReadingRfc2616()
    {
        RfcOutline document = Load(2616);

        IReadOnlyList<TocEntry> toc = document.TableOfContents;

        Assert.True(document.HasOwnTableOfContents);
        Assert.Equal(new TocEntry("1", "Introduction", 1, "7"), toc[0]);
        Assert.Equal(new TocEntry("1.1", "Purpose", 2, "7"), toc[1]);
        Assert.Contains(new TocEntry("15", "Security Considerations", 1, "150"), toc);
        Assert.Equal(new TocEntry("21", "Full Copyright Statement", 1, "176"), toc[^1]);
    }

    [Fact]
    public void FindSection_ReadsCoffeePot_WhenReadingRfc2324()
    {
        RfcOutline document = Load(2324);

        RfcSection? brew = document.FindSection("2.1.1");
        RfcSection? security = document.FindSection("Security Considerations");

        Assert.Equal("The BREW method, and the use of POST", brew?.Heading.Title);
        Assert.NotNull(security);
        Assert.Contains("Anyone who gets in between me and my morning coffee should be\n   insecure.", security.Text);
        Assert.DoesNotContain("8. Acknowledgements", security.Text);
        Assert.False(document.HasOwnTableOfContents);
        Assert.Equal(new TocEntry("1", "Rationale and Scope", 1), document.TableOfContents[0]);
        Assert.Contains(new TocEntry("2.2.1.1", "The \"safe\" response header field.", 4), document.TableOfContents);
    }

    [Fact]
    public void FindSection_FindsCentredAndAppendixHeadings_WhenReadingRfc791()
    {
        RfcOutline document = Load(791);

        RfcSection? introduction = document.FindSection("1");
        RfcSection? header = document.FindSection("3.1");
        RfcSection? examples = document.FindSection("Appendix A");

        Assert.NotNull(introduction);
        Assert.Equal("INTRODUCTION", introduction.Heading.Title);
        Assert.Contains("\n1.4.  Operation\n", introduction.Text);
        Assert.DoesNotContain("2.  OVERVIEW", introduction.Text);
        Assert.Equal("Internet Header Format", header?.Heading.Title);
        Assert.DoesNotContain("[Page", header?.Text);
        Assert.DoesNotContain("September 1981", header?.Text);
        Assert.NotNull(examples);
        Assert.Equal("Examples & Scenarios", examples.Heading.Title);
        Assert.DoesNotContain("Data Transmission Order", examples.Text);
    }

    [Fact]
    public void TableOfContents_ReadsOldStyleDottedBlock_WhenReadingRfc791()
    {
        RfcOutline document = Load(791);

        IReadOnlyList<TocEntry> toc = document.TableOfContents;

        Assert.True(document.HasOwnTableOfContents);
        Assert.Equal(new TocEntry(null, "PREFACE", 1, "iii"), toc[0]);
        Assert.Equal(new TocEntry("1", "INTRODUCTION", 1, "1"), toc[1]);
        Assert.Contains(new TocEntry("3.1", "Internet Header Format", 2, "11"), toc);
        Assert.Contains(new TocEntry("A", "Examples & Scenarios", 1, "34"), toc);
        Assert.Equal(new TocEntry(null, "REFERENCES", 1, "45"), toc[^1]);
    }

    [Theory]
    [InlineData("8.8.3", "8.8.3")]
    [InlineData("Section 8.8.3.", "8.8.3")]
    [InlineData("appendix b.1", "B.1")]
    [InlineData("a", "A")]
    [InlineData("Security Considerations", null)]
    [InlineData("8.8.x", null)]
    public void NormaliseNumber_ReturnsCanonicalNumber_WhenTextIsANumber(string text, string? expected)
    {
        Assert.Equal(expected, RfcOutline.NormaliseNumber(text));
    }

    private static RfcOutline Load(int number) =>
        RfcOutline.Parse(RfcTextDecoder.Decode(File.ReadAllBytes(Corpus.RfcPathOrSkip(number))));
}
