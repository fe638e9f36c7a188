using Microsoft.Data.Sqlite;
using Rfc.Documents;

namespace Rfc.Storage.Tests;

/// <summary>
/// The ranking on the real index, in both formats, for each kind of query a person types. These name RFCs (the
/// ranking code never does): they are the answers a reader expects, as in ../shared/search/queries.tsv.
/// </summary>
public sealed class IndexRankingCorpusTests(CorpusIndexStores stores) : IClassFixture<CorpusIndexStores>
{
    private static int[] Top(IndexSearchResults hits, int count) => [.. hits.Take(count).Select(h => h.Number.Value)];

    [Theory]
    [InlineData("txt", "telnet", 854)]
    [InlineData("xml", "telnet", 854)]
    [InlineData("txt", "sip", 3261)]
    [InlineData("xml", "sip", 3261)]
    [InlineData("txt", "radius", 2865)]
    [InlineData("xml", "radius", 2865)]
    [InlineData("txt", "ldap", 4511)]
    [InlineData("xml", "ldap", 4511)]
    [InlineData("txt", "icmp", 792)] // spelled out in the index's titles only beside "(ICMPv6)"
    [InlineData("xml", "icmp", 792)]
    [InlineData("txt", "imap", 9051)] // "… (IMAP) - Version 4rev2", above "… (IMAP) - MOVE Extension" and the like
    [InlineData("xml", "imap", 9051)]
    public void SearchIndex_PutsTheDefiningRfcFirst_WhenQueryNamesAProtocol(string format, string query, int expected)
    {
        IndexSearchResults hits = stores.Get(format).SearchIndex(query, new IndexSearchFilter());

        Assert.Equal(expected, hits[0].Number.Value);
        Assert.True(hits[0].Parts.Name > 0);
    }

    [Theory]
    [InlineData("txt", "arp", 826)]
    [InlineData("xml", "arp", 826)]
    [InlineData("txt", "sctp", 9260)]
    [InlineData("txt", "oauth pkce", 7636)]
    [InlineData("xml", "oauth pkce", 7636)]
    public void SearchIndex_FindsAcronyms_TheTitleOnlySpellsOut(string format, string query, int expected)
    {
        IndexSearchResults hits = stores.Get(format).SearchIndex(query, new IndexSearchFilter());

        Assert.Contains(expected, Top(hits, 3));
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("xml")]
    public void SearchIndex_MatchesTheVersion_WhenQueryHasOne(string format)
    {
        IndexSearchResults hits = stores.Get(format).SearchIndex("tls 1.2", new IndexSearchFilter());

        Assert.Equal(5246, hits[0].Number.Value);
        Assert.Equal(1, hits[0].Parts.Version);
    }

    [Theory]
    [InlineData("txt", "x.509 certificate profile", 5280)]
    [InlineData("xml", "s/mime", 8551)]
    [InlineData("txt", "http/1.1", 9112)]
    [InlineData("xml", "dns-sd", 6763)]
    public void SearchIndex_Finds_NamesWithDotsSlashesAndHyphens(string format, string query, int expected)
    {
        IndexSearchResults hits = stores.Get(format).SearchIndex(query, new IndexSearchFilter());

        Assert.Contains(expected, Top(hits, 3));
    }

    [Theory]
    [InlineData("txt", "kerbros", "kerberos", 4120)]
    [InlineData("xml", "kerbros", "kerberos", 4120)]
    [InlineData("txt", "telent", "telnet", 854)]
    [InlineData("xml", "telent protocol", "telnet protocol", 854)]
    public void SearchIndex_CorrectsMisspeltWords_FromTheIndexVocabulary(string format, string query, string corrected, int expected)
    {
        IndexSearchResults hits = stores.Get(format).SearchIndex(query, new IndexSearchFilter());

        Assert.True(hits.IsCorrected);
        Assert.Equal(corrected, hits.SearchedFor);
        Assert.Contains(expected, Top(hits, 3));
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("xml")]
    public void SearchIndex_GoesStraightToTheDocument_ForNumbersAndSubseries(string format)
    {
        RfcStore store = stores.Get(format);

        Assert.Equal([9110], Top(store.SearchIndex("rfc 9110", new IndexSearchFilter()), 5));
        Assert.Equal([9110], Top(store.SearchIndex("9110", new IndexSearchFilter()), 5));
        Assert.Equal([2119, 8174], Top(store.SearchIndex("bcp 14", new IndexSearchFilter()), 5).Order());
        Assert.Contains(791, Top(store.SearchIndex("std 5", new IndexSearchFilter()), 10));
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("xml")]
    public void SearchIndex_ReturnsNothing_WhenNoWordMatches(string format)
    {
        IndexSearchResults hits = stores.Get(format).SearchIndex("qqxzv wwxzq", new IndexSearchFilter());

        Assert.Empty(hits);
        Assert.False(hits.IsCorrected);
    }

    [Fact]
    public void SearchIndex_FallsBackToPartialMatches_Marked_WhenNoEntryHasEveryWord()
    {
        IndexSearchResults hits = stores.Get("txt").SearchIndex("kerberos qqxzv", new IndexSearchFilter());

        Assert.True(hits.IsPartial);
        Assert.All(hits, h => Assert.True(h.IsPartial));
        Assert.Equal(4120, hits[0].Number.Value);
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("xml")]
    public void SearchIndex_CombinesFilters_WithTheRanking(string format)
    {
        RfcStore store = stores.Get(format);

        IndexSearchResults proposed = store.SearchIndex("sip", new IndexSearchFilter { Status = "PROPOSED STANDARD", Limit = 50 });
        IndexSearchResults recent = store.SearchIndex("sip", new IndexSearchFilter { Since = 2010, Limit = 50 });
        IndexSearchResults byAuthor = store.SearchIndex("sip", new IndexSearchFilter { Author = "Rosenberg", Limit = 50 });

        Assert.All(proposed, h => Assert.Equal("PROPOSED STANDARD", h.Status.Text));
        Assert.Equal(3261, proposed[0].Number.Value);
        Assert.All(recent, h => Assert.True(h.Date!.Value.Year >= 2010));
        Assert.DoesNotContain(3261, Top(recent, 50));
        Assert.Equal(3261, byAuthor[0].Number.Value);
        Assert.Equal(recent.Select(h => h.Score).OrderDescending(), recent.Select(h => h.Score));
    }

    [Fact]
    public void SearchIndex_CombinesWorkingGroupFilter_WithTheRanking_OnTheXmlIndex()
    {
        IndexSearchResults hits = stores.Get("xml").SearchIndex("http", new IndexSearchFilter { WorkingGroup = "httpbis", Limit = 50 });

        Assert.NotEmpty(hits);
        Assert.Contains(hits[0].Number.Value, new[] { 9110, 9111, 9112, 9113, 9114 });
    }

    [Fact]
    public void SearchIndex_DemotesObsoletedRfcs_BelowTheirReplacement()
    {
        IndexSearchResults hits = stores.Get("txt").SearchIndex("sip", new IndexSearchFilter());

        int current = Array.IndexOf(Top(hits, 20), 3261);
        int obsoleted = Array.IndexOf(Top(hits, 20), 2543);
        Assert.True(current >= 0 && (obsoleted < 0 || obsoleted > current));
        Assert.All(hits.Where(h => h.Number.Value == 2543), h => Assert.True(h.IsObsoleted));
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("xml")]
    public void SearchIndex_PutsTheCurrentVersion_AboveTheObsoletedRfcsWhoseTitleIsTheName(string format)
    {
        // "Virtual Router Redundancy Protocol" (2338) and "… (VRRP)" (3768) are the name alone; their current version
        // (9568) adds "Version 3 for IPv4 and IPv6", and has the name they had.
        IndexSearchResults hits = stores.Get(format).SearchIndex("vrrp", new IndexSearchFilter());

        Assert.Equal(9568, hits[0].Number.Value);
        Assert.All(hits.Where(h => h.Number.Value is 2338 or 3768), h => Assert.Equal([9568], h.CurrentVersions.Select(n => n.Value)));
        Assert.Equal(hits.Single(h => h.Number.Value == 2338).Parts.Name, hits[0].Parts.Name);
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("xml")]
    public void CurrentVersions_ReadWithTheCandidates_AreTheEndsOfEveryObsoletedRfcsChain(string format)
    {
        RfcStore store = stores.Get(format);
        var stored = new Dictionary<int, string>();
        using (SqliteConnection connection = new($"Data Source={store.DatabasePath};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT e.number, coalesce(c.ends, '') FROM index_rank e LEFT JOIN index_current c ON c.number = e.number WHERE e.obsoleted;";
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                stored[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        Assert.InRange(stored.Count, 1000, 5000);
        Assert.All(stored, pair => Assert.Equal(string.Join(' ', store.GetCurrentVersions(new RfcNumber(pair.Key)).Select(n => n.Value)), pair.Value));
    }

    [Fact]
    public void SearchIndex_StaysOrdered_ForAnFts5Expression()
    {
        IndexSearchResults hits = stores.Get("txt").SearchIndex("\"session initiation protocol\" NOT event", new IndexSearchFilter());

        Assert.NotEmpty(hits);
        Assert.DoesNotContain(hits, h => h.Title.Contains("Event", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
    }

    [Fact]
    public void GetStandingPriors_PutsTheCurrentStandard_AboveItsObsoletedPredecessor()
    {
        // 2616 twice, as full-text hits in two sections of one RFC give it: one prior each, 14 (not issued) none.
        IReadOnlyDictionary<RfcNumber, double> priors = stores.Get("txt").GetStandingPriors([new RfcNumber(9110), new RfcNumber(2616), new RfcNumber(2324), new RfcNumber(14), new RfcNumber(2616)]);

        Assert.Equal(3, priors.Count);
        Assert.True(priors[new RfcNumber(9110)] > priors[new RfcNumber(2616)]);
        Assert.True(priors[new RfcNumber(9110)] > priors[new RfcNumber(2324)]);
    }
}
