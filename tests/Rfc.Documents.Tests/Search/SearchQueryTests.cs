using Rfc.Documents.Search;

namespace Rfc.Documents.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("9110", 9110)]
    [InlineData("rfc 9110", 9110)]
    [InlineData("RFC9110", 9110)]
    [InlineData("  0791 ", 791)]
    public void Parse_GoesToTheRfc_WhenQueryIsANumber(string text, int number)
    {
        SearchQuery query = SearchQuery.Parse(text);

        Assert.Equal(SearchQueryKind.Number, query.Kind);
        Assert.Equal(DocId.ForRfc(new RfcNumber(number)), query.Document);
    }

    [Theory]
    [InlineData("bcp 14", DocSeries.Bcp, 14)]
    [InlineData("STD 7", DocSeries.Std, 7)]
    [InlineData("fyi1", DocSeries.Fyi, 1)]
    public void Parse_GoesToTheSubseries_WhenQueryNamesOne(string text, DocSeries series, int number)
    {
        SearchQuery query = SearchQuery.Parse(text);

        Assert.Equal(SearchQueryKind.Subseries, query.Kind);
        Assert.Equal(new DocId(series, number), query.Document);
    }

    [Theory]
    [InlineData("tls 1.2", "tls", "1.2")]
    [InlineData("snmp v3", "snmp", "v3")]
    [InlineData("OSPF 3", "ospf", "3")]
    public void Parse_MarksVersionWords_AfterAName(string text, string name, string version)
    {
        SearchQuery query = SearchQuery.Parse(text);

        Assert.Equal(SearchQueryKind.Words, query.Kind);
        Assert.Equal([name], query.NameTerms.Select(t => t.Text));
        Assert.Equal([version], query.VersionTerms.Select(t => t.Text));
    }

    [Theory]
    [InlineData("x.509", new[] { "x", "509" })]
    [InlineData("S/MIME", new[] { "s", "mime" })]
    [InlineData("dns-sd", new[] { "dns", "sd" })]
    [InlineData("ipv6-only", new[] { "ipv6", "only" })]
    [InlineData("HTTP/1.1", new[] { "http", "1", "1" })]
    public void Parse_KeepsPunctuatedNamesWhole_WithTheirTokens(string text, string[] tokens)
    {
        SearchQuery query = SearchQuery.Parse(text);

        QueryTerm term = Assert.Single(query.Terms);
        Assert.Equal(text.ToLowerInvariant(), term.Text);
        Assert.Equal(tokens, term.Tokens);
        Assert.False(term.IsVersion);
    }

    [Theory]
    [InlineData("\"coffee pot\"")]
    [InlineData("quic NOT http")]
    [InlineData("congest*")]
    public void Parse_PassesFts5ExpressionsThrough(string text)
    {
        Assert.Equal(SearchQueryKind.Expression, SearchQuery.Parse(text).Kind);
    }

    [Fact]
    public void Parse_Throws_WhenQueryIsLongerThanMaxLength()
    {
        string text = new('a', SearchQuery.MaxLength + 1);

        Assert.Throws<ArgumentException>(() => SearchQuery.Parse(text));
        Assert.Equal(SearchQueryKind.Words, SearchQuery.Parse(text[..SearchQuery.MaxLength]).Kind);
    }
}
