namespace Rfc.Documents.Tests;

public sealed class RfcNumberTests
{
    [Theory]
    [InlineData("2324", 2324)]
    [InlineData("0791", 791)]
    [InlineData("rfc2324", 2324)]
    [InlineData("RFC 2324", 2324)]
    [InlineData("RFC-2324", 2324)]
    [InlineData("  rfc 10036 ", 10036)]
    [InlineData("10036", 10036)]
    [InlineData("999999", 999999)]
    public void TryParse_ReturnsNumber_WhenFormIsAccepted(string text, int expected)
    {
        bool ok = RfcNumber.TryParse(text, out RfcNumber number);

        Assert.True(ok);
        Assert.Equal(expected, number.Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0000")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("1 2")]
    [InlineData("1000000")]
    [InlineData("1234567")]
    [InlineData("")]
    [InlineData("rfc")]
    [InlineData(null)]
    public void TryParse_ReturnsFalse_WhenFormIsRejected(string? text)
    {
        bool ok = RfcNumber.TryParse(text, out RfcNumber number);

        Assert.False(ok);
        Assert.Equal(default, number);
    }

    [Fact]
    public void ToString_HasNoPadding_WhenNumberIsSmall()
    {
        var number = new RfcNumber(1);

        Assert.Equal("1", number.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_000)]
    public void Constructor_Throws_WhenValueIsOutOfRange(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RfcNumber(value));
    }

    [Fact]
    public void CompareTo_OrdersByValue_WhenNumbersDiffer()
    {
        var small = new RfcNumber(791);
        var large = new RfcNumber(10036);

        Assert.True(small < large);
        Assert.True(large >= small);
        Assert.Equal(-1, small.CompareTo(large));
    }
}
