using Rfc.Documents.Index;
using Rfc.Documents.Search;

namespace Rfc.Documents.Tests.Search;

public sealed class FullTextRankerTests
{
    private static IndexCandidate Entry(int number, string status, bool obsoleted = false) => new()
    {
        Number = new RfcNumber(number),
        Title = "Title " + number,
        Status = RfcStatus.Parse(status),
        IsObsoleted = obsoleted,
    };

    [Fact]
    public void Rank_PutsTheCurrentStandardFirst_WhenItsObsoletedPredecessorMatchesSlightlyBetter()
    {
        Dictionary<RfcNumber, IndexCandidate> entries = new()
        {
            [new RfcNumber(793)] = Entry(793, "INTERNET STANDARD", obsoleted: true),
            [new RfcNumber(9293)] = Entry(9293, "INTERNET STANDARD"),
        };

        var ranked = FullTextRanker.Rank([(new RfcNumber(793), -10.0), (new RfcNumber(9293), -9.0)], n => entries.GetValueOrDefault(n));

        Assert.Equal([9293, 793], ranked.Select(r => r.Number.Value));
        Assert.Equal(1.0, ranked[1].Parts.Relevance);
        Assert.Equal(0.9, ranked[0].Parts.Relevance, 6);
        Assert.True(ranked[0].Parts.Standing > ranked[1].Parts.Standing);
        Assert.Equal(ranked[0].Parts.Relevance * (1 + (FullTextRanker.PriorWeight * ranked[0].Parts.Prior)), ranked[0].Parts.Total, 9);
    }

    [Fact]
    public void Rank_KeepsTheMuchBetterMatchFirst_WhenOnlyTheOtherIsAStandard()
    {
        Dictionary<RfcNumber, IndexCandidate> entries = new()
        {
            [new RfcNumber(5682)] = Entry(5682, "EXPERIMENTAL"),
            [new RfcNumber(1122)] = Entry(1122, "INTERNET STANDARD"),
        };

        // The prior at most about doubles a score: a document with a third of the best relevance cannot pass it.
        var ranked = FullTextRanker.Rank([(new RfcNumber(1122), -3.0), (new RfcNumber(5682), -9.0)], n => entries.GetValueOrDefault(n));

        Assert.Equal([5682, 1122], ranked.Select(r => r.Number.Value));
    }

    [Fact]
    public void Rank_OrdersByBm25Alone_WhenTheIndexDescribesNothing()
    {
        var ranked = FullTextRanker.Rank([(new RfcNumber(3), -1.0), (new RfcNumber(2), -5.0), (new RfcNumber(1), -5.0)], _ => null);

        Assert.Equal([1, 2, 3], ranked.Select(r => r.Number.Value));
        Assert.All(ranked, r => Assert.Equal(0, r.Parts.Prior));
        Assert.Empty(FullTextRanker.Rank([], _ => null));
    }
}
