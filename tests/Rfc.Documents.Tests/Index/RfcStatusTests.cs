using Rfc.Documents.Index;

namespace Rfc.Documents.Tests.Index;

public sealed class RfcStatusTests
{
    [Theory]
    [InlineData("PROPOSED STANDARD", RfcStatusKind.ProposedStandard, "PROPOSED STANDARD")]
    [InlineData("proposed  standard", RfcStatusKind.ProposedStandard, "PROPOSED STANDARD")]
    [InlineData("INTERNET STANDARD", RfcStatusKind.InternetStandard, "INTERNET STANDARD")]
    [InlineData("STANDARD", RfcStatusKind.InternetStandard, "INTERNET STANDARD")]
    [InlineData("DRAFT STANDARD", RfcStatusKind.DraftStandard, "DRAFT STANDARD")]
    [InlineData("BEST CURRENT PRACTICE", RfcStatusKind.BestCurrentPractice, "BEST CURRENT PRACTICE")]
    [InlineData("Informational", RfcStatusKind.Informational, "INFORMATIONAL")]
    [InlineData("EXPERIMENTAL", RfcStatusKind.Experimental, "EXPERIMENTAL")]
    [InlineData("HISTORIC", RfcStatusKind.Historic, "HISTORIC")]
    [InlineData("UNKNOWN", RfcStatusKind.Unknown, "UNKNOWN")]
    [InlineData("", RfcStatusKind.Unknown, "UNKNOWN")]
    [InlineData("FUTURE STATUS", RfcStatusKind.Other, "FUTURE STATUS")]
    public void Parse_NormalisesKindAndText_WhenValueIsGiven(string text, RfcStatusKind kind, string display)
    {
        RfcStatus status = RfcStatus.Parse(text);

        Assert.Equal(kind, status.Kind);
        Assert.Equal(display, status.ToString());
    }

    [Theory]
    [InlineData("PROPOSED STANDARD")]
    [InlineData("proposed  standard")]
    [InlineData("INTERNET STANDARD")]
    [InlineData("STANDARD")]
    [InlineData("DRAFT STANDARD")]
    [InlineData("BEST CURRENT PRACTICE")]
    [InlineData("INFORMATIONAL")]
    [InlineData("EXPERIMENTAL")]
    [InlineData("HISTORIC")]
    [InlineData("UNKNOWN")]
    [InlineData("")]
    [InlineData("FUTURE STATUS")]
    [InlineData("Expérimental")]
    public void ParseUtf8_AgreesWithParse_OnEverySpelling(string text)
    {
        RfcStatus expected = RfcStatus.Parse(text);

        RfcStatus status = RfcStatus.ParseUtf8(System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Equal(expected, status);
    }

    [Fact]
    public void Default_ReadsAsUnknown_WhenNeverAssigned()
    {
        RfcStatus status = default;

        Assert.Equal(RfcStatusKind.Unknown, status.Kind);
        Assert.Equal("UNKNOWN", status.Text);
        Assert.Equal(RfcStatus.Unknown, RfcStatus.Parse("unknown"));
    }
}
