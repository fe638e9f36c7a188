using Rfc.Documents.Search;

namespace Rfc.Documents.Tests.Search;

/// <summary>The in-place comparisons ranking makes for every candidate, against what tokenizing and joining would give.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("SNMP", "snmp", true)]
    [InlineData("S/MIME", "s mime", true)]
    [InlineData("  Session  Initiation-Protocol ", "session initiation protocol", true)]
    [InlineData("SNMPs", "snmp", false)]
    [InlineData("SNMP", "snmp v3", false)]
    [InlineData("snmp v3", "snmp", false)]
    [InlineData("", "", true)]
    [InlineData("--", "", true)]
    [InlineData("x.509", "x 509", true)]
    public void TokensEqual_AgreesWithTokenizingAndJoining(string text, string words, bool expected)
    {
        Assert.Equal(expected, SearchText.TokensEqual(text, words));
        Assert.Equal(expected, string.Join(' ', SearchText.Tokenize(text)) == words);
    }

    [Fact]
    public void IndexOfPhrase_MatchesPluralsAndGluedVersions_WithoutChangingTheTokens()
    {
        List<string> tokens = SearchText.Tokenize("Uniform Resource Identifiers (URIs) for SNMPv3");

        Assert.Equal(3, SearchText.IndexOfPhrase(tokens, ["uri"]));
        Assert.Equal(2, SearchText.IndexOfPhrase(tokens, ["identifier"]));
        Assert.Equal(5, SearchText.IndexOfPhrase(tokens, ["snmp"]));
        Assert.Equal(1, SearchText.IndexOfPhrase(tokens, ["resources"]));
        Assert.Equal(-1, SearchText.IndexOfPhrase(tokens, ["identity"]));
        Assert.Equal(-1, SearchText.IndexOfPhrase(tokens, ["resource", "uri"]));
        Assert.Equal("uris", tokens[3]);
    }
}
