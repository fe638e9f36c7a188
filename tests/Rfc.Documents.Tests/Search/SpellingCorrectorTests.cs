using Rfc.Documents.Search;

namespace Rfc.Documents.Tests.Search;

public sealed class SpellingCorrectorTests
{
    private static readonly Dictionary<string, int> s_vocabulary = new()
    {
        ["kerberos"] = 60, ["telnet"] = 110, ["tunnel"] = 90, ["protocol"] = 3000, ["protocols"] = 400, ["pce"] = 30, ["cerberus"] = 1,
    };

    [Theory]
    [InlineData("kerbros", "kerberos")]
    [InlineData("telent", "telnet")]
    [InlineData("protocl", "protocol")]
    [InlineData("kerberso", "kerberos")]
    public void Correct_FindsTheIndexWord_WithinEditDistance(string word, string expected)
    {
        Assert.Equal(expected, SpellingCorrector.Correct(word, s_vocabulary));
    }

    [Theory]
    [InlineData("pkce")]
    [InlineData("zzzzzz")]
    [InlineData("telnet")]
    [InlineData("x509x")]
    public void Correct_LeavesWordAlone_WhenShortFarKnownOrNotAWord(string word)
    {
        Assert.Null(SpellingCorrector.Correct(word, s_vocabulary));
    }

    [Fact]
    public void Correct_PrefersTheMoreFrequentWord_AtEqualDistance()
    {
        Dictionary<string, int> vocabulary = new() { ["telnet"] = 100, ["telnek"] = 2 };

        Assert.Equal("telnet", SpellingCorrector.Correct("telnez", vocabulary));
    }

    [Theory]
    [InlineData("telent", "telnet", 1)]
    [InlineData("kerbros", "kerberos", 1)]
    [InlineData("abc", "abc", 0)]
    [InlineData("abcdef", "ghijkl", 3)]
    public void Distance_CountsSwapsAsOneEdit_AndStopsPastTheLimit(string a, string b, int expected)
    {
        Assert.Equal(expected, SpellingCorrector.Distance(a, b, limit: 2));
    }

    [Theory]
    [InlineData("kerbros", "kerberos")]
    [InlineData("telent", "telnet")]
    [InlineData("protocl", "protocols")]
    [InlineData("abcdef", "fedcba")]
    [InlineData("routing", "rooting")]
    [InlineData("ab", "xy")]
    public void LetterMask_DiffersByAtMostTheEditCount_EachWay(string a, string b)
    {
        long x = SpellingCorrector.LetterMask(a), y = SpellingCorrector.LetterMask(b);
        int distance = SpellingCorrector.Distance(a, b, 10);

        // The store skips a word whose letter set differs by more than MaxEdits either way: that must never skip a correction.
        Assert.True(long.PopCount(x & ~y) <= distance && long.PopCount(y & ~x) <= distance, $"{a} {b} distance {distance}");
    }

    [Fact]
    public void LetterMask_SetsOneBitPerDistinctCharacter()
    {
        Assert.Equal(0b111L, SpellingCorrector.LetterMask("abcabc"));
        Assert.Equal(1L << 26, SpellingCorrector.LetterMask("0"));
        Assert.Equal(0L, SpellingCorrector.LetterMask(""));
        Assert.InRange(SpellingCorrector.LetterMask("é"), 1L << 36, long.MaxValue);
    }
}
