namespace Rfc.Documents.Tests;

public sealed class DocIdTests
{
    [Theory]
    [InlineData("RFC0001", DocSeries.Rfc, 1)]
    [InlineData("RFC1", DocSeries.Rfc, 1)]
    [InlineData("BCP 14", DocSeries.Bcp, 14)]
    [InlineData("std7", DocSeries.Std, 7)]
    [InlineData("FYI-0036", DocSeries.Fyi, 36)]
    [InlineData(" RFC10036 ", DocSeries.Rfc, 10036)]
    public void TryParse_ReadsSeriesAndNumber_WhenSpellingVaries(string text, DocSeries series, int number)
    {
        bool ok = DocId.TryParse(text, out DocId id);

        Assert.True(ok);
        Assert.Equal(new DocId(series, number), id);
    }

    [Theory]
    [InlineData("RFC")]
    [InlineData("RFC0")]
    [InlineData("IEN 116")]
    [InlineData("RFC12x")]
    [InlineData("RFC1234567")]
    [InlineData("")]
    public void TryParse_ReturnsFalse_WhenTextIsNotAnIdentifier(string text)
    {
        bool ok = DocId.TryParse(text, out _);

        Assert.False(ok);
    }

    [Fact]
    public void ToString_IsUnpaddedCapitals_WhenParsedFromPaddedLowerCase()
    {
        DocId id = DocId.Parse("bcp0014");

        Assert.Equal("BCP14", id.ToString());
    }

    [Fact]
    public void ToRfcNumber_Throws_WhenIdIsSubseries()
    {
        DocId std = DocId.Parse("STD97");

        Assert.Throws<InvalidOperationException>(() => std.ToRfcNumber());
        Assert.Equal(9110, DocId.Parse("RFC9110").ToRfcNumber().Value);
    }

    [Fact]
    public void CompareTo_OrdersBySeriesThenNumber_WhenSeriesDiffer()
    {
        DocId[] ids = [DocId.Parse("STD1"), DocId.Parse("RFC20"), DocId.Parse("RFC3"), DocId.Parse("BCP2")];

        Array.Sort(ids);

        Assert.Equal(["RFC3", "RFC20", "BCP2", "STD1"], ids.Select(id => id.ToString()));
    }
}
