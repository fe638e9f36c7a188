using System.Text;
using Rfc.Documents.Index;

namespace Rfc.Documents.Tests.Index;

public sealed class RfcIndexXmlParserTests
{
    // Shaped after the corpus README's description of rfc-index.xml (May/June 2026): entry order, element
    // order, unpadded doc-id, padded DOI, and the verbatim RFC1 / RFC14 sample.
    private const string CurrentIndex = """
        <?xml version='1.0' encoding='utf-8'?>
        <rfc-index xmlns="https://www.rfc-editor.org/rfc-index" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="https://www.rfc-editor.org/rfc-index https://www.rfc-editor.org/rfc-index.xsd">
          <bcp-entry>
            <doc-id>BCP14</doc-id>
            <is-also>
              <doc-id>RFC2119</doc-id>
              <doc-id>RFC8174</doc-id>
            </is-also>
          </bcp-entry>
          <fyi-entry>
            <doc-id>FYI1</doc-id>
            <is-also>
              <doc-id>RFC1150</doc-id>
            </is-also>
          </fyi-entry>
          <rfc-entry>
            <doc-id>RFC1</doc-id>
            <title>Host Software</title>
            <author>
              <name>S. Crocker</name>
            </author>
            <date>
              <month>April</month>
              <year>1969</year>
            </date>
            <format>
              <file-format>TXT</file-format>
              <file-format>HTML</file-format>
            </format>
            <page-count>11</page-count>
            <current-status>UNKNOWN</current-status>
            <publication-status>UNKNOWN</publication-status>
            <stream>Legacy</stream>
            <doi>10.17487/RFC0001</doi>
          </rfc-entry>
          <rfc-entry>
            <doc-id>RFC8</doc-id>
            <title>Functional specifications for the ARPA Network</title>
            <author>
              <name>G. Deloche</name>
            </author>
            <date>
              <month>May</month>
              <year>1969</year>
            </date>
            <format>
              <file-format>PDF</file-format>
            </format>
            <page-count>0</page-count>
            <current-status>UNKNOWN</current-status>
            <publication-status>UNKNOWN</publication-status>
            <stream>Legacy</stream>
            <doi>10.17487/RFC0008</doi>
          </rfc-entry>
          <rfc-not-issued-entry>
            <doc-id>RFC14</doc-id>
          </rfc-not-issued-entry>
          <rfc-entry>
            <doc-id>RFC9110</doc-id>
            <title>HTTP Semantics</title>
            <author>
              <name>R. Fielding</name>
              <title>Editor</title>
            </author>
            <author>
              <name>M. Nottingham</name>
              <title>Editor</title>
            </author>
            <author>
              <name>J. Reschke</name>
              <title>Editor</title>
            </author>
            <date>
              <month>June</month>
              <year>2022</year>
            </date>
            <format>
              <file-format>HTML</file-format>
              <file-format>TXT</file-format>
              <file-format>PDF</file-format>
              <file-format>XML</file-format>
            </format>
            <page-count>194</page-count>
            <keywords>
              <kw>Hypertext Transfer Protocol</kw>
              <kw>HTTP</kw>
            </keywords>
            <abstract>
              <p>The Hypertext Transfer Protocol (HTTP) is a stateless application-level protocol.</p>
              <p>This document obsoletes RFCs 2818,&#13;
        7231.</p>
            </abstract>
            <draft>draft-ietf-httpbis-semantics-19</draft>
            <obsoletes>
              <doc-id>RFC2818</doc-id>
              <doc-id>RFC7230</doc-id>
            </obsoletes>
            <updates>
              <doc-id>RFC3864</doc-id>
            </updates>
            <updated-by>
              <doc-id>RFC9931</doc-id>
            </updated-by>
            <is-also>
              <doc-id>STD97</doc-id>
            </is-also>
            <see-also>
              <doc-id>RFC9111</doc-id>
            </see-also>
            <current-status>INTERNET STANDARD</current-status>
            <publication-status>INTERNET STANDARD</publication-status>
            <stream>IETF</stream>
            <area>wit</area>
            <wg_acronym>httpbis</wg_acronym>
            <errata-url>https://www.rfc-editor.org/errata/rfc9110</errata-url>
            <doi>10.17487/RFC9110</doi>
          </rfc-entry>
          <rfc-entry>
            <doc-id>RFC10036</doc-id>
            <title>Incremental Forwarding of HTTP Messages</title>
            <author>
              <name>K. Oku</name>
            </author>
            <date>
              <month>August</month>
              <year>2026</year>
            </date>
            <format>
              <file-format>TXT</file-format>
              <file-format>EPUB</file-format>
            </format>
            <current-status>PROPOSED STANDARD</current-status>
            <publication-status>PROPOSED STANDARD</publication-status>
            <stream>IETF</stream>
            <doi>10.17487/RFC10036</doi>
          </rfc-entry>
          <std-entry>
            <doc-id>STD1</doc-id>
            <title>[STD number 1 is retired. It was "Internet Official Protocol Standards".]</title>
          </std-entry>
          <std-entry>
            <doc-id>STD97</doc-id>
            <is-also>
              <doc-id>RFC9110</doc-id>
            </is-also>
          </std-entry>
        </rfc-index>
        """;

    // Older shape: http:// namespace, zero-padded doc-ids, <day> in the date, a status value no list knows.
    private const string OlderIndex = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rfc-index xmlns="http://www.rfc-editor.org/rfc-index">
          <bcp-entry>
            <doc-id>BCP0001</doc-id>
            <is-also>
              <doc-id>RFC1818</doc-id>
            </is-also>
          </bcp-entry>
          <rfc-entry>
            <doc-id>RFC2324</doc-id>
            <title>Hyper Text Coffee Pot Control Protocol (HTCPCP/1.0)</title>
            <author><name>L. Masinter</name></author>
            <date><month>April</month><day>1</day><year>1998</year></date>
            <format><file-format>ASCII</file-format><char-count>19610</char-count><page-count>10</page-count></format>
            <updated-by><doc-id>RFC7168</doc-id></updated-by>
            <current-status>INFORMATIONAL</current-status>
            <publication-status>MADE UP STATUS</publication-status>
            <stream>Legacy</stream>
          </rfc-entry>
          <rfc-not-issued-entry><doc-id>RFC0026</doc-id></rfc-not-issued-entry>
          <rfc-entry><doc-id>nonsense</doc-id><title>Skipped</title></rfc-entry>
        </rfc-index>
        """;

    private static async Task<List<IndexRecord>> ParseAsync(string xml)
    {
        var records = new List<IndexRecord>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        await foreach (IndexRecord record in RfcIndexXmlParser.ParseAsync(stream, TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public async Task ParseAsync_YieldsEntriesInDocumentOrder_WhenIndexIsCurrent()
    {
        List<IndexRecord> records = await ParseAsync(CurrentIndex);

        Assert.Equal(["BCP14", "FYI1", "RFC1", "RFC8", "RFC14", "RFC9110", "RFC10036", "STD1", "STD97"], records.Select(r => r.Id.ToString()));
    }

    [Fact]
    public async Task ParseAsync_ReadsReadmeSample_WhenEntryHasOnlyRequiredElements()
    {
        List<IndexRecord> records = await ParseAsync(CurrentIndex);

        RfcIndexEntry rfc1 = records.OfType<RfcIndexEntry>().Single(e => e.Number.Value == 1);
        Assert.Equal("Host Software", rfc1.Title);
        Assert.Equal([new RfcAuthor("S. Crocker")], rfc1.Authors);
        Assert.Equal(new RfcDate(1969, 4), rfc1.Date);
        Assert.Equal(["TXT", "HTML"], rfc1.Formats);
        Assert.Equal(11, rfc1.PageCount);
        Assert.Equal(RfcStatus.Unknown, rfc1.CurrentStatus);
        Assert.Equal(RfcStatus.Unknown, rfc1.PublicationStatus);
        Assert.Equal("Legacy", rfc1.Stream);
        Assert.Equal("10.17487/RFC0001", rfc1.Doi);
        Assert.Null(rfc1.Abstract);
        Assert.Empty(rfc1.Keywords);
        Assert.Empty(rfc1.Obsoletes);
        Assert.False(rfc1.NotIssued);
        Assert.Equal(0, records.OfType<RfcIndexEntry>().Single(e => e.Number.Value == 8).PageCount);
    }

    [Fact]
    public async Task ParseAsync_ReadsEveryOptionalElement_WhenEntryHasThem()
    {
        List<IndexRecord> records = await ParseAsync(CurrentIndex);

        RfcIndexEntry semantics = records.OfType<RfcIndexEntry>().Single(e => e.Number.Value == 9110);
        Assert.Equal(3, semantics.Authors.Count);
        Assert.All(semantics.Authors, a => Assert.Equal("Editor", a.Title));
        Assert.Equal(["Hypertext Transfer Protocol", "HTTP"], semantics.Keywords);
        Assert.Equal(
            // "&#13;" then the line break: the CR LF pair reads as one line break, not a paragraph break.
            "The Hypertext Transfer Protocol (HTTP) is a stateless application-level protocol.\n\nThis document obsoletes RFCs 2818,\n7231.",
            semantics.Abstract);
        Assert.Equal("draft-ietf-httpbis-semantics-19", semantics.Draft);
        Assert.Equal(["RFC2818", "RFC7230"], semantics.Obsoletes.Select(d => d.ToString()));
        Assert.Equal(["RFC3864"], semantics.Updates.Select(d => d.ToString()));
        Assert.Equal(["RFC9931"], semantics.UpdatedBy.Select(d => d.ToString()));
        Assert.Equal(["STD97"], semantics.IsAlso.Select(d => d.ToString()));
        Assert.Equal(["RFC9111"], semantics.SeeAlso.Select(d => d.ToString()));
        Assert.Empty(semantics.ObsoletedBy);
        Assert.Equal(RfcStatusKind.InternetStandard, semantics.CurrentStatus.Kind);
        Assert.Equal("IETF", semantics.Stream);
        Assert.Equal("wit", semantics.Area);
        Assert.Equal("httpbis", semantics.WorkingGroup);
        Assert.Equal("https://www.rfc-editor.org/errata/rfc9110", semantics.ErrataUrl);
        Assert.Equal(194, semantics.PageCount);
    }

    [Fact]
    public async Task ParseAsync_KeepsUnlistedFormatAndFiveDigits_WhenPageCountIsMissing()
    {
        List<IndexRecord> records = await ParseAsync(CurrentIndex);

        RfcIndexEntry newest = records.OfType<RfcIndexEntry>().Single(e => e.Number.Value == 10036);
        Assert.Equal(["TXT", "EPUB"], newest.Formats);
        Assert.Null(newest.PageCount);
        Assert.Null(newest.Area);
    }

    [Fact]
    public async Task ParseAsync_ReadsSubseries_WhenTitleOrMembersAreMissing()
    {
        List<IndexRecord> records = await ParseAsync(CurrentIndex);

        SubseriesEntry bcp14 = records.OfType<SubseriesEntry>().Single(e => e.Id == DocId.Parse("BCP14"));
        SubseriesEntry std1 = records.OfType<SubseriesEntry>().Single(e => e.Id == DocId.Parse("STD1"));
        SubseriesEntry std97 = records.OfType<SubseriesEntry>().Single(e => e.Id == DocId.Parse("STD97"));
        Assert.Equal(["RFC2119", "RFC8174"], bcp14.IsAlso.Select(d => d.ToString()));
        Assert.Null(bcp14.Title);
        Assert.StartsWith("[STD number 1 is retired.", std1.Title);
        Assert.Empty(std1.IsAlso);
        Assert.Null(std97.Title);
        Assert.Equal([DocId.Parse("RFC9110")], std97.IsAlso);
    }

    [Fact]
    public async Task ParseAsync_MarksNotIssued_WhenEntryIsNotIssued()
    {
        List<IndexRecord> records = await ParseAsync(CurrentIndex);

        RfcIndexEntry rfc14 = records.OfType<RfcIndexEntry>().Single(e => e.Number.Value == 14);
        Assert.True(rfc14.NotIssued);
        Assert.Equal("", rfc14.Title);
        Assert.Null(rfc14.Date);
    }

    [Fact]
    public async Task ParseAsync_AcceptsPaddedIdsAndHttpNamespace_WhenIndexIsOlder()
    {
        List<IndexRecord> records = await ParseAsync(OlderIndex);

        Assert.Equal(["BCP1", "RFC2324", "RFC26"], records.Select(r => r.Id.ToString()));
        RfcIndexEntry coffee = records.OfType<RfcIndexEntry>().Single(e => e.Number.Value == 2324);
        Assert.Equal(new RfcDate(1998, 4, 1), coffee.Date);
        Assert.Equal(["ASCII"], coffee.Formats);
        Assert.Equal(10, coffee.PageCount);
        Assert.Equal(RfcStatusKind.Other, coffee.PublicationStatus?.Kind);
        Assert.Equal("MADE UP STATUS", coffee.PublicationStatus?.Text);
        Assert.Equal(["RFC7168"], coffee.UpdatedBy.Select(d => d.ToString()));
        Assert.Null(coffee.Doi);
    }

    [Fact]
    public async Task ParseAsync_MatchesLocalNames_WhenThereIsNoNamespace()
    {
        const string xml = "<rfc-index><rfc-entry><doc-id>RFC0791</doc-id><title>Internet Protocol</title></rfc-entry></rfc-index>";

        List<IndexRecord> records = await ParseAsync(xml);

        RfcIndexEntry entry = Assert.IsType<RfcIndexEntry>(Assert.Single(records));
        Assert.Equal(791, entry.Number.Value);
        Assert.Equal("Internet Protocol", entry.Title);
        Assert.Null(entry.Date);
        Assert.Null(entry.PublicationStatus);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task ParseAsync_YieldsSameEntries_WhenStreamArrivesInSmallReads(int chunk)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(CurrentIndex);
        var records = new List<IndexRecord>();

        await foreach (IndexRecord record in RfcIndexXmlParser.ParseAsync(new TrickleStream(bytes, chunk), TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        Assert.Equal((await ParseAsync(CurrentIndex)).Select(r => r.Id), records.Select(r => r.Id));
        Assert.Equal("HTTP Semantics", records.OfType<RfcIndexEntry>().Single(e => e.Number.Value == 9110).Title);
    }

    [Fact]
    public async Task ParseAsync_Throws_WhenXmlHasDtd()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaa\">]><rfc-index/>";

        await Assert.ThrowsAnyAsync<System.Xml.XmlException>(() => ParseAsync(xml));
    }

    [Fact]
    public async Task ParseAsync_Stops_WhenCancelled()
    {
        using var cts = new CancellationTokenSource();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(CurrentIndex));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (IndexRecord _ in RfcIndexXmlParser.ParseAsync(stream, cts.Token))
            {
            }
        });
    }
}
