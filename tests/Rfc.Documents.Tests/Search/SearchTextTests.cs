using Rfc.Documents.Search;

namespace Rfc.Documents.Tests.Search;

/// <summary>The in-place comparisons ranking makes for every candidate, against what tokenizing and joining would give.</summary>
public sealed class SearchTextTests
{
    [Fact]
    public void AsciiSeparatorChars_AreEveryAsciiCharacterThatIsNotALetterOrDigit()
    {
        string expected = string.Concat(Enumerable.Range(0, 0x80).Select(c => (char)c).Where(c => !char.IsAsciiLetterOrDigit(c)));

        string written = SearchText.AsciiSeparatorChars;

        Assert.Equal(expected, written);
    }

    [Theory]
    [InlineData("the", true)]
    [InlineData("definitions", true)]
    [InlineData("protocol", true)]
    [InlineData("v3", true)]
    [InlineData("protocols", false)]
    [InlineData("sip", false)]
    [InlineData("", false)]
    public void IsGeneric_KnowsTheWordsThatNameNoProtocol(string token, bool generic) =>
        Assert.Equal(generic, SearchText.IsGeneric(token));

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
        TitleTokens tokens = new TitleTokens().Read("Uniform Resource Identifiers (URIs) for SNMPv3");

        Assert.Equal(3, SearchText.IndexOfPhrase(tokens, ["uri"]));
        Assert.Equal(2, SearchText.IndexOfPhrase(tokens, ["identifier"]));
        Assert.Equal(5, SearchText.IndexOfPhrase(tokens, ["snmp"]));
        Assert.Equal(1, SearchText.IndexOfPhrase(tokens, ["resources"]));
        Assert.Equal(-1, SearchText.IndexOfPhrase(tokens, ["identity"]));
        Assert.Equal(-1, SearchText.IndexOfPhrase(tokens, ["resource", "uri"]));
        Assert.Equal("uris", tokens.ToString(3));
        Assert.Equal(6, tokens.Count);
    }

    [Fact]
    public void TitleTokens_ReusedForALongerThenAShorterTitle_HoldOnlyTheLast()
    {
        var tokens = new TitleTokens();
        string longTitle = string.Join(" ", Enumerable.Range(0, 40).Select(i => $"Word{i}")) + " (W0W1)";
        Assert.Equal(41, tokens.Read(longTitle).Count);
        Assert.Equal("word39", tokens.ToString(39));

        tokens.Read("DNS-Based Service Discovery (DNS-SD)");

        Assert.Equal(["dns", "based", "service", "discovery", "dns", "sd"], tokens.Slice(0, tokens.Count));
        Assert.Equal((0, 4), SearchText.FindSpelledOut(tokens, ["dns", "sd"]));
        Assert.Equal((-1, 0), SearchText.FindSpelledOut(tokens, ["sd"]));
        Assert.Equal(Tokenize("DNS-Based Service Discovery (DNS-SD)"), tokens.Slice(0, tokens.Count));
    }

    [Theory]
    [InlineData("Address Resolution Protocol", "arp", 0, 3)]
    [InlineData("Proof Key for Code Exchange by OAuth Public Clients", "pkce", 0, 5)]
    [InlineData("ARP Mediation for IP Interworking", "arp", -1, 0)]
    [InlineData("SIP: Session Initiation Protocol", "sip", 1, 3)]
    public void FindExpansion_FindsTheInitials_SkippingFunctionWords(string title, string acronym, int start, int length)
    {
        Assert.Equal((start, length), SearchText.FindExpansion(new TitleTokens().Read(title), acronym));
    }

    [Theory]
    [InlineData("SIP: Session Initiation Protocol")]
    [InlineData("Zürich Straße\u2014\u03A9mega (IDN) résumé")]
    [InlineData("a\u00A0b\u00B7c d\u2003e")]
    [InlineData("  --HTTP/1.1--  ")]
    [InlineData("\u00C9TAT \u00E9tat 123abc")]
    [InlineData("")]
    public void Tokenize_AgreesWithSplittingAtEveryNonLetterOrDigit(string text)
    {
        var expected = new List<string>();
        var run = new System.Text.StringBuilder();
        foreach (char c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                run.Append(char.ToLowerInvariant(c));
            }
            else if (run.Length > 0)
            {
                expected.Add(run.ToString());
                run.Clear();
            }
        }

        Assert.Equal(expected, SearchText.Tokenize(text));
    }

    private static string[] Tokenize(string text) => [.. SearchText.Tokenize(text)];
}
