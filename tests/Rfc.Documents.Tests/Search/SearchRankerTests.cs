using Rfc.Documents.Index;
using Rfc.Documents.Search;

namespace Rfc.Documents.Tests.Search;

/// <summary>Each signal of <see cref="SearchRanker"/> on synthetic candidates that differ in that signal alone.</summary>
public sealed class SearchRankerTests
{
    private static IndexCandidate Candidate(int number, string title, RfcStatus? status = null, double text = 1.0) => new()
    {
        Number = new RfcNumber(number),
        Title = title,
        Status = status ?? RfcStatus.ProposedStandard,
        TextScore = text,
    };

    private static int[] Order(string query, params IndexCandidate[] candidates) =>
        [.. SearchRanker.Rank(SearchQuery.Parse(query), candidates).Select(r => r.Candidate.Number.Value)];

    [Fact]
    public void Rank_PutsTheTitleThatIsTheName_BeforeOneThatRepeatsTheWord()
    {
        int[] order = Order(
            "sip",
            Candidate(1, "SIP: Locating SIP Servers", text: 1.0),
            Candidate(2, "SIP: Session Initiation Protocol", text: 0.6),
            Candidate(3, "Extending SIP Event Notification for SIP Servers", text: 0.9));

        Assert.Equal([2, 1, 3], order);
    }

    [Fact]
    public void Rank_FindsTheAcronym_InTheTitlesInitials()
    {
        int[] order = Order(
            "arp",
            Candidate(1, "ARP Mediation for IP Interworking of Layer 2 VPNs"),
            Candidate(2, "Address Resolution Protocol"));

        Assert.Equal([2, 1], order);
    }

    [Fact]
    public void Rank_PutsTheStandardFirst_WhenTitlesMatchAlike()
    {
        int[] order = Order(
            "widget",
            Candidate(1, "Widget Transfer", RfcStatus.Informational),
            Candidate(2, "Widget Transfer", RfcStatus.InternetStandard),
            Candidate(3, "Widget Transfer", RfcStatus.Historic),
            Candidate(4, "Widget Transfer", RfcStatus.Experimental));

        Assert.Equal([2, 1, 4, 3], order);
    }

    [Fact]
    public void Rank_PutsTheReplacement_BeforeTheObsoletedRfc()
    {
        int[] order = Order(
            "widget",
            Candidate(1, "Widget Transfer Protocol", RfcStatus.InternetStandard) with { IsObsoleted = true, UpdatedBy = 8 },
            Candidate(2, "Widget Transfer Protocol", RfcStatus.ProposedStandard));

        Assert.Equal([2, 1], order);
    }

    [Fact]
    public void Rank_GivesTheReplacement_TheNameOfTheRfcItReplaces()
    {
        IReadOnlyList<RankedCandidate> ranked = SearchRanker.Rank(
            SearchQuery.Parse("wrp"),
            [
                Candidate(1, "Widget Redundancy Protocol") with { IsObsoleted = true, CurrentVersions = [2] },
                Candidate(2, "Widget Redundancy Protocol (WRP) Version 3 for IPv4 and IPv6"),
                Candidate(3, "Widget Redundancy Protocol (WRP) Extensions for Segment Routing"),
            ]);

        Assert.Equal([2, 1, 3], ranked.Select(r => r.Candidate.Number.Value));
        Assert.Equal(ranked[1].Score.Name, ranked[0].Score.Name);
        ScoreParts own = SearchRanker.Score(SearchQuery.Parse("wrp"), ranked[0].Candidate, 1.0);
        Assert.True(own.Name < ranked[0].Score.Name);
        Assert.Equal(own.Total + (SearchRanker.NameWeight * (ranked[0].Score.Name - own.Name)), ranked[0].Score.Total, 3);
    }

    [Fact]
    public void Rank_PassesNoName_FromAnRfcSplitInSeveral_OrToAReplacementThatDoesNotNameTheQuery()
    {
        IndexCandidate split = Candidate(1, "Widget Redundancy Protocol") with { IsObsoleted = true, CurrentVersions = [2, 3] };
        IndexCandidate[] parts = [Candidate(2, "Widget Redundancy Protocol (WRP): Syntax and Encoding"), Candidate(3, "Widget Redundancy Protocol (WRP): Timers")];
        IndexCandidate renamed = Candidate(4, "Redundancy for Widgets, Revisited");

        IReadOnlyList<RankedCandidate> ranked = SearchRanker.Rank(SearchQuery.Parse("wrp"), [split, .. parts]);
        IReadOnlyList<RankedCandidate> unnamed = SearchRanker.Rank(SearchQuery.Parse("wrp"), [split with { CurrentVersions = [4] }, renamed]);

        Assert.All(ranked.Where(r => r.Candidate.Number.Value != 1), r => Assert.Equal(SearchRanker.Score(SearchQuery.Parse("wrp"), r.Candidate, 1.0), r.Score));
        Assert.Equal(0, unnamed.Single(r => r.Candidate.Number.Value == 4).Score.Name);
    }

    [Theory]
    [InlineData("wmap", "Widget Message Access Protocol (WMAP) - MOVE Extension", "Widget Message Access Protocol (WMAP) - Version 4rev2")] // the version's label
    [InlineData("wls", "An WLS-Based Forwarding Plane for Widget Chaining", "Widget Label Switching Architecture")] // "architecture"
    public void Rank_ReadsWhatADefiningDocumentsTitleAdds_AsNoWordLeftOver(string query, string other, string defining)
    {
        int[] order = Order(query, Candidate(1, other), Candidate(2, defining, text: 0.8));

        Assert.Equal([2, 1], order);
        Assert.Equal(1, SearchRanker.Score(SearchQuery.Parse(query), Candidate(2, defining), 1.0).Name);
    }

    [Fact]
    public void Rank_DoesNotTakeAHyphenatedCompound_ForATitleThatOpensWithTheName()
    {
        ScoreParts compound = SearchRanker.Score(SearchQuery.Parse("wime"), Candidate(1, "WIME-based Secure Peer-to-Peer Business Data Interchange"), 1.0);
        ScoreParts dash = SearchRanker.Score(SearchQuery.Parse("wime"), Candidate(2, "WIME - Secure Peer-to-Peer Business Data Interchange"), 1.0);

        Assert.Equal(SearchRanker.LeadingName, dash.Name);
        Assert.True(compound.Name < SearchRanker.LeadingName);
    }

    [Fact]
    public void Rank_PrefersTheCentralRfc_ThatOthersUpdate()
    {
        int[] order = Order(
            "widget",
            Candidate(1, "Widget Transfer"),
            Candidate(2, "Widget Transfer") with { UpdatedBy = 12 },
            Candidate(3, "Widget Transfer") with { InSubseries = true });

        Assert.Equal(2, order[0]);
        Assert.Equal(1, order[^1]);
    }

    [Fact]
    public void Rank_MatchesTheVersionAskedFor_AndDemotesOtherVersions()
    {
        int[] order = Order(
            "tls 1.2",
            Candidate(1, "The Transport Layer Security (TLS) Protocol Version 1.3"),
            Candidate(2, "The Transport Layer Security (TLS) Protocol Version 1.2", text: 0.5),
            Candidate(3, "TLS Renegotiation Indication Extension"));

        Assert.Equal([2, 3, 1], order);
    }

    [Fact]
    public void Rank_MatchesAVersionGluedToTheName()
    {
        ScoreParts glued = SearchRanker.Score(SearchQuery.Parse("snmp v3"), Candidate(1, "Message Processing for SNMPv3"), 1);
        ScoreParts other = SearchRanker.Score(SearchQuery.Parse("snmp v3"), Candidate(2, "Community-based SNMPv2"), 1);

        Assert.Equal(1, glued.Version);
        Assert.Equal(-1, other.Version);
    }

    [Fact]
    public void Rank_PutsWholeMatches_BeforePartialOnesOfEqualStanding()
    {
        int[] order = Order(
            "widget transfer",
            Candidate(1, "Widget Framing") with { MatchesAll = false },
            Candidate(2, "Widget Framing") with { MatchesAll = true });

        Assert.Equal([2, 1], order);
    }

    [Fact]
    public void Rank_CountsAKeywordEqualToTheQuery_AsNamingIt()
    {
        ScoreParts keyword = SearchRanker.Score(SearchQuery.Parse("widget"), Candidate(1, "Moving Widgets Around Quickly and Safely") with { Keywords = ["Widget"] }, 1);
        ScoreParts none = SearchRanker.Score(SearchQuery.Parse("widget"), Candidate(2, "Moving Widgets Around Quickly and Safely"), 1);

        Assert.Equal(SearchRanker.KeywordName, keyword.Name);
        Assert.True(none.Name < keyword.Name);
    }

    [Fact]
    public void Score_ExplainsEveryPart_AndTotalIsTheirWeightedSum()
    {
        ScoreParts parts = SearchRanker.Score(SearchQuery.Parse("sip"), Candidate(1, "SIP: Session Initiation Protocol", text: 0.5) with { UpdatedBy = 3 }, 1.0);

        Assert.Equal(0.5, parts.Text);
        Assert.Equal(1, parts.Coverage);
        Assert.Equal(1, parts.Name);
        Assert.Equal(0.8, parts.Standing);
        Assert.Equal(0.4, parts.Centrality, 2);
        double total = (SearchRanker.TextWeight * parts.Text) + (SearchRanker.CoverageWeight * parts.Coverage) + (SearchRanker.NameWeight * parts.Name)
            + (SearchRanker.StandingWeight * parts.Standing) + (SearchRanker.CentralityWeight * parts.Centrality);
        Assert.Equal(total, parts.Total, 3);
    }

    [Fact]
    public void StandingPrior_OrdersStatuses_AndDemotesObsoleted()
    {
        double[] statuses = [.. new[] { RfcStatus.InternetStandard, RfcStatus.ProposedStandard, RfcStatus.BestCurrentPractice, RfcStatus.Informational, RfcStatus.Experimental, RfcStatus.Unknown, RfcStatus.Historic }
            .Select(s => StandingPrior.Standing(s, isObsoleted: false, stream: "IETF", inSubseries: false))];

        Assert.Equal(statuses.OrderDescending(), statuses);
        Assert.True(StandingPrior.Standing(RfcStatus.InternetStandard, isObsoleted: true, "IETF", inSubseries: true) < StandingPrior.Standing(RfcStatus.ProposedStandard, isObsoleted: false, "IETF", inSubseries: false));
        Assert.True(StandingPrior.Standing(RfcStatus.ProposedStandard, false, "INDEPENDENT", false) < StandingPrior.Standing(RfcStatus.ProposedStandard, false, "IETF", false));
    }
}
