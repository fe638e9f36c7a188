using Rfc.Documents.Index;

namespace Rfc.Documents.Tests.Index;

public sealed class RfcIndexTextParserTests
{
    // A padded index as published before about May 2026: four-digit numbers, preamble with indented examples.
    private const string PaddedIndex = """


        ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~

                                     RFC INDEX
                                   -------------

        (CREATED ON: 01/15/2026.)

        RFC citations appear in this format:

          ####  Title of RFC.  Author 1, Author 2, Author 3.  Issue date.
                (Format: ASCII) (Obsoletes xxx) (Obsoleted by xxx) (Updates xxx)
                (Updated by xxx) (Also FYI ####) (Status: ssssss) (DOI: ddd)

        or

          ####  Not Issued.

        0001 Host Software. S. Crocker. April 1969. (Format: TXT, HTML) (Status:
             UNKNOWN) (DOI: 10.17487/RFC0001)

        0014 Not Issued.

        0791 Internet Protocol. J. Postel. September 1981. (Format: TXT, HTML)
             (Obsoletes RFC0760) (Updated by RFC1349, RFC2474, RFC6864) (Also
             STD0005) (Status: INTERNET STANDARD) (DOI: 10.17487/RFC0791)

        2324 Hyper Text Coffee Pot Control Protocol (HTCPCP/1.0). L. Masinter. 1
             April 1998. (Format: TXT, HTML) (Updated by RFC7168) (Status:
             INFORMATIONAL) (DOI: 10.17487/RFC2324)

        1517 Applicability Statement for the Implementation of Classless Inter-
             Domain Routing (CIDR). Internet Engineering Steering Group, R.
             Hinden. September 1993. (Format: TXT, HTML) (Status: HISTORIC) (DOI:
             10.17487/RFC1517)

        10036 Incremental Forwarding of HTTP Messages. K. Oku, T. Pauly, M.
             Thomson. August 2026. (Format: HTML, TXT, PDF, XML) (Status:
             PROPOSED STANDARD) (DOI: 10.17487/RFC10036)
        """;

    private static async Task<List<RfcIndexEntry>> ParseAsync(string text)
    {
        var entries = new List<RfcIndexEntry>();
        await foreach (RfcIndexEntry entry in RfcIndexTextParser.ParseAsync(new StringReader(text), TestContext.Current.CancellationToken))
        {
            entries.Add(entry);
        }

        return entries;
    }

    [Fact]
    public async Task ParseAsync_ReadsEveryEntryAndSkipsPreamble_WhenNumbersArePadded()
    {
        List<RfcIndexEntry> entries = await ParseAsync(PaddedIndex);

        Assert.Equal([1, 14, 791, 2324, 1517, 10036], entries.Select(e => e.Number.Value));
        Assert.Equal([false, true, false, false, false, false], entries.Select(e => e.NotIssued));
    }

    [Fact]
    public async Task ParseAsync_ReadsAllFields_WhenEntryHasRelations()
    {
        List<RfcIndexEntry> entries = await ParseAsync(PaddedIndex);

        RfcIndexEntry ip = entries.Single(e => e.Number.Value == 791);
        Assert.Equal("Internet Protocol", ip.Title);
        Assert.Equal([new RfcAuthor("J. Postel")], ip.Authors);
        Assert.Equal(new RfcDate(1981, 9), ip.Date);
        Assert.Equal(["TXT", "HTML"], ip.Formats);
        Assert.Equal(["RFC760"], ip.Obsoletes.Select(d => d.ToString()));
        Assert.Equal(["RFC1349", "RFC2474", "RFC6864"], ip.UpdatedBy.Select(d => d.ToString()));
        Assert.Equal([new DocId(DocSeries.Std, 5)], ip.IsAlso);
        Assert.Equal(RfcStatusKind.InternetStandard, ip.CurrentStatus.Kind);
        Assert.Null(ip.PublicationStatus);
        Assert.Equal("10.17487/RFC0791", ip.Doi);
    }

    [Fact]
    public async Task ParseAsync_ReadsDayAndParenthesisedTitle_WhenDateHasDay()
    {
        List<RfcIndexEntry> entries = await ParseAsync(PaddedIndex);

        RfcIndexEntry coffee = entries.Single(e => e.Number.Value == 2324);
        Assert.Equal("Hyper Text Coffee Pot Control Protocol (HTCPCP/1.0)", coffee.Title);
        Assert.Equal(new RfcDate(1998, 4, 1), coffee.Date);
        Assert.Equal("1 April 1998", coffee.Date.ToString());
    }

    [Fact]
    public async Task ParseAsync_JoinsWordBrokenAtHyphenAndKeepsBodyAuthor_WhenEntryWraps()
    {
        List<RfcIndexEntry> entries = await ParseAsync(PaddedIndex);

        RfcIndexEntry cidr = entries.Single(e => e.Number.Value == 1517);
        Assert.Equal("Applicability Statement for the Implementation of Classless Inter-Domain Routing (CIDR)", cidr.Title);
        Assert.Equal(["Internet Engineering Steering Group", "R. Hinden"], cidr.Authors.Select(a => a.Name));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public async Task ParseAsync_YieldsSameEntries_WhenStreamArrivesInSmallReads(int chunk)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(PaddedIndex);
        var entries = new List<RfcIndexEntry>();

        await foreach (RfcIndexEntry entry in RfcIndexTextParser.ParseAsync(new TrickleStream(bytes, chunk), TestContext.Current.CancellationToken))
        {
            entries.Add(entry);
        }

        List<RfcIndexEntry> expected = await ParseAsync(PaddedIndex);
        Assert.Equal(expected.Select(e => (e.Number, e.Title, e.Date)), entries.Select(e => (e.Number, e.Title, e.Date)));
    }

    [Fact]
    public async Task ParseAsync_ReadsLastEntry_WhenFileHasNoFinalNewline()
    {
        List<RfcIndexEntry> entries = await ParseAsync("0001 Host Software. S. Crocker. April 1969.\n\n0002 Host software. B. Duvall. April\n     1969.");

        Assert.Equal(2, entries.Count);
        Assert.Equal(new RfcDate(1969, 4), entries[1].Date);
        Assert.Equal(["B. Duvall"], entries[1].Authors.Select(a => a.Name));
    }

    [Theory]
    [InlineData("9110 HTTP Semantics. R. Fielding, Ed., M. Nottingham, Ed., J. Reschke, Ed.. June 2022. (Status: INTERNET STANDARD)",
        "HTTP Semantics", "R. Fielding, Ed.|M. Nottingham, Ed.|J. Reschke, Ed.")]
    [InlineData("2616 Hypertext Transfer Protocol -- HTTP/1.1. R. Fielding, T. Berners-Lee. June 1999.",
        "Hypertext Transfer Protocol -- HTTP/1.1", "R. Fielding|T. Berners-Lee")]
    [InlineData("2429 RTP Payload Format for the 1998 Version of ITU-T Rec. H.263 Video (H.263+). C. Bormann, L. Cline. October 1998.",
        "RTP Payload Format for the 1998 Version of ITU-T Rec. H.263 Video (H.263+)", "C. Bormann|L. Cline")]
    [InlineData("4105 Requirements for Inter-Area MPLS Traffic Engineering. J.-L. Le Roux, Ed., J.-P. Vasseur, Ed., J. Boyle, Ed.. June 2005.",
        "Requirements for Inter-Area MPLS Traffic Engineering", "J.-L. Le Roux, Ed.|J.-P. Vasseur, Ed.|J. Boyle, Ed.")]
    [InlineData("3242 RObust Header Compression (ROHC): A Link-Layer Assisted Profile for IP/UDP/RTP. L-E. Jonsson, G. Pelletier. April 2002.",
        "RObust Header Compression (ROHC): A Link-Layer Assisted Profile for IP/UDP/RTP", "L-E. Jonsson|G. Pelletier")]
    [InlineData("1811 U.S. Government Internet Domain Names. Federal Networking Council. June 1995.",
        "U.S. Government Internet Domain Names", "Federal Networking Council")]
    [InlineData("270 Correction to BBN Report No. 1822 (NIC NO 7958). A.M. McKenzie. January 1972.",
        "Correction to BBN Report No. 1822 (NIC NO 7958)", "A.M. McKenzie")]
    public void TryParseEntry_SplitsTitleFromAuthors_WhenTitleHoldsPeriods(string text, string title, string authors)
    {
        bool ok = RfcIndexTextParser.TryParseEntry(text, out RfcIndexEntry? entry);

        Assert.True(ok);
        Assert.Equal(title, entry!.Title);
        Assert.Equal(authors, string.Join('|', entry.Authors));
    }

    [Fact]
    public void TryParseEntry_MarksEditor_WhenAuthorIsFollowedByEd()
    {
        bool ok = RfcIndexTextParser.TryParseEntry("9110 HTTP Semantics. R. Fielding, Ed., M. Nottingham. June 2022.", out RfcIndexEntry? entry);

        Assert.True(ok);
        Assert.Equal([new RfcAuthor("R. Fielding", "Editor"), new RfcAuthor("M. Nottingham")], entry!.Authors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Host Software. S. Crocker. April 1969.")]
    [InlineData("0 Zero. A. B. April 1969.")]
    public void TryParseEntry_ReturnsFalse_WhenThereIsNoRfcNumber(string text)
    {
        bool ok = RfcIndexTextParser.TryParseEntry(text, out RfcIndexEntry? entry);

        Assert.False(ok);
        Assert.Null(entry);
    }

    [Fact]
    public void TryParseEntry_KeepsTitle_WhenDateAndGroupsAreMissing()
    {
        bool ok = RfcIndexTextParser.TryParseEntry("42 Something odd", out RfcIndexEntry? entry);

        Assert.True(ok);
        Assert.Equal("Something odd", entry!.Title);
        Assert.Null(entry.Date);
        Assert.Empty(entry.Authors);
    }

    [Fact]
    public async Task ParseAsync_MatchesReadmeCounts_WhenReadingRealIndex()
    {
        string path = Corpus.IndexPathOrSkip("rfc-index.txt");
        var entries = new List<RfcIndexEntry>();
        await using (FileStream stream = File.OpenRead(path))
        {
            await foreach (RfcIndexEntry entry in RfcIndexTextParser.ParseAsync(stream, TestContext.Current.CancellationToken))
            {
                entries.Add(entry);
            }
        }

        Assert.Equal(10_018, entries.Count);
        Assert.Equal(188, entries.Count(e => e.NotIssued));
        Assert.Equal(1, entries[0].Number.Value);
        Assert.Equal(10036, entries[^1].Number.Value);
        Assert.All(entries.Where(e => !e.NotIssued), e =>
        {
            Assert.NotNull(e.Date);
            Assert.NotEmpty(e.Title);
            Assert.NotEmpty(e.Authors);
            Assert.NotEmpty(e.Formats);
            Assert.NotNull(e.Doi);
        });

        // README: status counts over the 9,830 issued RFCs.
        Dictionary<RfcStatusKind, int> byStatus = entries.Where(e => !e.NotIssued).GroupBy(e => e.CurrentStatus.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4420, byStatus[RfcStatusKind.ProposedStandard]);
        Assert.Equal(3006, byStatus[RfcStatusKind.Informational]);
        Assert.Equal(887, byStatus[RfcStatusKind.Unknown]);
        Assert.Equal(132, byStatus[RfcStatusKind.InternetStandard]);
        Assert.False(byStatus.ContainsKey(RfcStatusKind.Other));

        RfcIndexEntry http11 = entries.Single(e => e.Number.Value == 2616);
        Assert.Equal("Hypertext Transfer Protocol -- HTTP/1.1", http11.Title);
        Assert.Equal(7, http11.Authors.Count);
        Assert.Equal(new RfcDate(1999, 6), http11.Date);
        Assert.Equal(["RFC7230", "RFC7231", "RFC7232", "RFC7233", "RFC7234", "RFC7235"], http11.ObsoletedBy.Select(d => d.ToString()));
        Assert.Equal(["RFC2068"], http11.Obsoletes.Select(d => d.ToString()));
        Assert.Equal(["RFC2817", "RFC5785", "RFC6266", "RFC6585"], http11.UpdatedBy.Select(d => d.ToString()));
        Assert.Equal(RfcStatus.DraftStandard, http11.CurrentStatus);

        RfcIndexEntry semantics = entries.Single(e => e.Number.Value == 9110);
        Assert.Equal(
            ["RFC2818", "RFC7230", "RFC7231", "RFC7232", "RFC7233", "RFC7235", "RFC7538", "RFC7615", "RFC7694"],
            semantics.Obsoletes.Select(d => d.ToString()));
        Assert.Equal(["STD97"], semantics.IsAlso.Select(d => d.ToString()));
        Assert.All(semantics.Authors, a => Assert.Equal("Editor", a.Title));

        Assert.Equal("Hyper Text Coffee Pot Control Protocol (HTCPCP/1.0)", entries.Single(e => e.Number.Value == 2324).Title);

        RfcIndexEntry fiveDigits = entries.Single(e => e.Number.Value == 10036);
        Assert.Equal("Incremental Forwarding of HTTP Messages", fiveDigits.Title);
        Assert.Equal(["K. Oku", "T. Pauly", "M. Thomson"], fiveDigits.Authors.Select(a => a.Name));
        Assert.Equal(new RfcDate(2026, 8), fiveDigits.Date);
        Assert.Equal("10.17487/RFC10036", fiveDigits.Doi);

        Assert.DoesNotContain(entries, e => e.Number.Value == 10000);
        Assert.True(entries.Single(e => e.Number.Value == 14).NotIssued);
        Assert.Equal(["PDF"], entries.Single(e => e.Number.Value == 8).Formats);
    }

    [Fact]
    public async Task ParseAsync_IgnoresBannersAndTrailingSpaces_WhenReadingRealLatestIndex()
    {
        string path = Corpus.IndexPathOrSkip("rfc-index-latest.txt");
        var entries = new List<RfcIndexEntry>();
        await using (FileStream stream = File.OpenRead(path))
        {
            await foreach (RfcIndexEntry entry in RfcIndexTextParser.ParseAsync(stream, TestContext.Current.CancellationToken))
            {
                entries.Add(entry);
            }
        }

        // The staged copy was last updated 20 May 2026 and holds 9956 to 9991 (17 entries).
        Assert.Equal(17, entries.Count);
        Assert.Equal(9956, entries[0].Number.Value);
        Assert.Equal(9991, entries[^1].Number.Value);
        Assert.Equal("10.17487/RFC9991", entries[^1].Doi);
        Assert.Equal(["RFC7489"], entries[^1].Obsoletes.Select(d => d.ToString()));
        Assert.Equal("Domain-Based Message Authentication, Reporting, and Conformance (DMARC) Failure Reporting", entries[^1].Title);
    }
}
