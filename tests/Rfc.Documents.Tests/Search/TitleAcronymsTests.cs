using Rfc.Documents.Search;

namespace Rfc.Documents.Tests.Search;

/// <summary>What a sync learns from one title about the acronyms a search may type.</summary>
public sealed class TitleAcronymsTests
{
    private static Dictionary<string, string> Mine(string title)
    {
        var found = new Dictionary<string, string>();
        TitleAcronyms.Mine(new TitleTokens().Read(title), (term, expansion) => found.Add(term, string.Join(' ', expansion)));
        return found;
    }

    [Fact]
    public void Mine_FindsTheInitialsOfAWordTheTitleHolds()
    {
        Dictionary<string, string> found = Mine("IANA Allocation Guidelines for the Address Resolution Protocol (ARP)");

        Assert.Equal("address resolution protocol", found["arp"]);
        Assert.False(found.ContainsKey("iana"));
    }

    [Fact]
    public void Mine_ReadsAGroupOfWordsInParentheses_AsOneTerm()
    {
        Dictionary<string, string> found = Mine("DNS-Based Service Discovery (DNS-SD)");

        Assert.Equal("dns based service discovery", found["dns sd"]);
        Assert.False(found.ContainsKey("sd"));
    }

    [Fact]
    public void Mine_TeachesTheSingularOfAPluralAcronym_AsTheStemmedIndexFindsIt()
    {
        Dictionary<string, string> found = Mine("Uniform Resource Identifiers (URIs) for Devices");

        Assert.Equal("uniform resource identifiers", found["uri"]);
        Assert.Equal("uniform resource identifiers", found["uris"]);
        Assert.Equal(["uri", "uris"], found.Keys.Order());
    }

    [Fact]
    public void Mine_PrefersTheInitials_ThenWhatStandsBeforeTheParenthesis_AsASearchDoes()
    {
        // "JSON" has no run of initials J-S-O-N here: it is the words before "(JSON)", back to the farthest "j" word.
        Dictionary<string, string> found = Mine("The JavaScript Object Notation (JSON) Data Interchange Format");

        Assert.Equal("javascript object notation", found["json"]);
        Assert.Equal(SearchText.FindExpansion(new TitleTokens().Read("SIP: Session Initiation Protocol"), "sip"), (1, 3));
        Assert.Equal("session initiation protocol", Mine("SIP: Session Initiation Protocol")["sip"]);
    }

    [Theory]
    [InlineData("Telnet Protocol Specification")]
    [InlineData("IP over (a) Network")]
    [InlineData("")]
    public void Mine_FindsNothing_InATitleThatExpandsNoWord(string title)
    {
        Assert.Empty(Mine(title));
    }

    [Theory]
    [InlineData(new[] { "arp" }, true)]
    [InlineData(new[] { "ikev2" }, true)]
    [InlineData(new[] { "dns", "sd" }, true)]
    [InlineData(new[] { "x", "509" }, true)]
    [InlineData(new[] { "ip" }, false)]
    [InlineData(new[] { "802", "11" }, false)]
    [InlineData(new[] { "r\u00e9sum\u00e9" }, false)]
    public void IsMinable_TakesThreeAsciiLettersOrDigitsStartingWithALetter(string[] tokens, bool expected)
    {
        Assert.Equal(expected, TitleAcronyms.IsMinable(tokens));
    }
}
