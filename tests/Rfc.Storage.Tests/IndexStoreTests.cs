using System.Text;
using Microsoft.Data.Sqlite;
using Rfc.Documents;
using Rfc.Documents.Index;

namespace Rfc.Storage.Tests;

public sealed class IndexStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rfc-index-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static DocId Rfc(int n) => DocId.ForRfc(new RfcNumber(n));

    private static RfcIndexEntry Entry(int number, string title, RfcStatus status, int year = 2000) => new()
    {
        Number = new RfcNumber(number),
        Title = title,
        Authors = [new RfcAuthor("R. Fielding", "Editor"), new RfcAuthor("J. Reschke")],
        Date = new RfcDate(year, 6),
        CurrentStatus = status,
    };

    /// <summary>HTTP/1.1's lineage, stated only partly in each direction, as the real index sometimes does.</summary>
    private static IndexRecord[] Lineage() =>
    [
        Entry(2068, "Hypertext Transfer Protocol -- HTTP/1.1", RfcStatus.ProposedStandard, 1997) with { ObsoletedBy = [Rfc(2616)] },
        Entry(2616, "Hypertext Transfer Protocol -- HTTP/1.1", RfcStatus.DraftStandard, 1999) with { Obsoletes = [Rfc(2068)] },
        Entry(7230, "Hypertext Transfer Protocol (HTTP/1.1): Message Syntax and Routing", RfcStatus.ProposedStandard, 2014) with { Obsoletes = [Rfc(2616)], ObsoletedBy = [Rfc(9110), Rfc(9112)] },
        Entry(7234, "Hypertext Transfer Protocol (HTTP/1.1): Caching", RfcStatus.ProposedStandard, 2014) with { Obsoletes = [Rfc(2616)], ObsoletedBy = [Rfc(9111)] },
        Entry(9110, "HTTP Semantics", RfcStatus.InternetStandard, 2022) with { Obsoletes = [Rfc(7230)], IsAlso = [new DocId(DocSeries.Std, 97)], Abstract = "The Hypertext Transfer Protocol is a stateless application-level protocol." },
        Entry(9111, "HTTP Caching", RfcStatus.InternetStandard, 2022) with { Obsoletes = [Rfc(7234)] },
        Entry(9112, "HTTP/1.1", RfcStatus.InternetStandard, 2022) with { Obsoletes = [Rfc(7230)] },
        Entry(2119, "Key words for use in RFCs to Indicate Requirement Levels", RfcStatus.BestCurrentPractice, 1997) with { Authors = [new RfcAuthor("S. Bradner")], UpdatedBy = [Rfc(8174)] },
        Entry(8174, "Ambiguity of Uppercase vs Lowercase in RFC 2119 Key Words", RfcStatus.BestCurrentPractice, 2017) with { Authors = [new RfcAuthor("B. Leiba")], Updates = [Rfc(2119)], IsAlso = [new DocId(DocSeries.Bcp, 14)] },
        Entry(5681, "TCP Congestion Control", RfcStatus.DraftStandard, 2009) with { Authors = [new RfcAuthor("M. Allman")], Keywords = ["congestion", "TCP"] },
        Entry(3168, "The Addition of Explicit Congestion Notification (ECN) to IP", RfcStatus.ProposedStandard, 2001) with { Authors = [new RfcAuthor("K. Ramakrishnan")] },
        Entry(9000, "QUIC: A UDP-Based Multiplexed and Secure Transport", RfcStatus.ProposedStandard, 2021) with { Abstract = "This document defines the core of the QUIC transport protocol. QUIC provides applications with flow-controlled streams. Accompanying documents describe the integration of TLS for key negotiation, loss detection, and an exemplary congestion control algorithm.", WorkingGroup = "quic" },
        new RfcIndexEntry { Number = new RfcNumber(14), NotIssued = true },
        new SubseriesEntry(new DocId(DocSeries.Bcp, 14)) { IsAlso = [Rfc(2119)] },
    ];

    private RfcStore OpenWithLineage()
    {
        RfcStore store = RfcStore.Open(_directory);
        using IndexUpdate update = store.BeginIndexUpdate();
        foreach (IndexRecord record in Lineage())
        {
            update.Add(record);
        }

        update.Commit(new IndexSyncState("http://127.0.0.1/rfc-index.xml", "\"v1\"", null, DateTimeOffset.UtcNow, 13));
        return store;
    }

    [Fact]
    public void IndexUpdate_CountsAddedChangedUnchanged_AcrossSyncs()
    {
        using RfcStore store = RfcStore.Open(_directory);
        IndexRecord[] records = Lineage();

        IndexUpdateCounts first = Apply(store, records);
        IndexUpdateCounts second = Apply(store, records);
        IndexUpdateCounts third = Apply(store, [.. records.Select(r => r is RfcIndexEntry { Number.Value: 9110 } e ? e with { Title = "HTTP Semantics (revised)" } : r)]);

        Assert.Equal(new IndexUpdateCounts(13, 0, 0, 1), first);
        Assert.Equal(new IndexUpdateCounts(0, 0, 13, 1), second);
        Assert.Equal(new IndexUpdateCounts(0, 1, 12, 1), third);
        Assert.Equal("HTTP Semantics (revised)", store.GetTitle(new RfcNumber(9110)));
        Assert.Equal(13, store.CountIndexEntries());
    }

    [Fact]
    public void IndexUpdate_LeavesPreviousIndex_WhenDisposedWithoutCommit()
    {
        using RfcStore store = OpenWithLineage();

        using (IndexUpdate update = store.BeginIndexUpdate())
        {
            update.Add(Entry(9999, "Never committed", RfcStatus.Informational));
            update.Add(Entry(9110, "Changed but rolled back", RfcStatus.Informational));
        }

        Assert.Null(store.GetIndexEntry(new RfcNumber(9999)));
        Assert.Equal("HTTP Semantics", store.GetTitle(new RfcNumber(9110)));
        Assert.Equal("\"v1\"", store.GetSyncState("http://127.0.0.1/rfc-index.xml")!.ETag);
    }

    [Fact]
    public void GetIndexEntry_ReturnsFieldsAndRelationsBothWays_WithTitles()
    {
        using RfcStore store = OpenWithLineage();

        IndexedRfc rfc = store.GetIndexEntry(new RfcNumber(2616))!;

        Assert.Equal("Hypertext Transfer Protocol -- HTTP/1.1", rfc.Entry.Title);
        Assert.Equal([new RfcAuthor("R. Fielding", "Editor"), new RfcAuthor("J. Reschke")], rfc.Entry.Authors);
        Assert.Equal(new RfcDate(1999, 6), rfc.Entry.Date);
        Assert.Equal(RfcStatus.DraftStandard, rfc.Entry.CurrentStatus);
        Assert.Equal([Rfc(2068)], rfc.Entry.Obsoletes);
        Assert.Empty(rfc.Entry.ObsoletedBy); // the entry itself does not say; 7230 and 7234 do
        Assert.Equal(
            [
                new IndexRelation(IndexRelationKind.Obsoletes, Rfc(2068), "Hypertext Transfer Protocol -- HTTP/1.1"),
                new IndexRelation(IndexRelationKind.ObsoletedBy, Rfc(7230), "Hypertext Transfer Protocol (HTTP/1.1): Message Syntax and Routing"),
                new IndexRelation(IndexRelationKind.ObsoletedBy, Rfc(7234), "Hypertext Transfer Protocol (HTTP/1.1): Caching"),
            ],
            rfc.Relations);
    }

    [Fact]
    public void GetIndexEntry_MarksNotIssued()
    {
        using RfcStore store = OpenWithLineage();

        Assert.True(store.GetIndexEntry(new RfcNumber(14))!.Entry.NotIssued);
        Assert.Null(store.GetIndexEntry(new RfcNumber(15)));
    }

    [Theory]
    [InlineData(2068, new[] { 9110, 9111, 9112 })]
    [InlineData(2616, new[] { 9110, 9111, 9112 })]
    [InlineData(7234, new[] { 9111 })]
    [InlineData(9110, new int[0])]
    public void GetCurrentVersions_FollowsObsoletedByToTheEnds(int number, int[] expected)
    {
        using RfcStore store = OpenWithLineage();

        IReadOnlyList<RfcNumber> ends = store.GetCurrentVersions(new RfcNumber(number));

        Assert.Equal(expected, ends.Select(n => n.Value));
    }

    [Fact]
    public void SearchHits_CarryTheirCurrentVersions_AsTheChainIsWalked_ACycleIncluded()
    {
        using RfcStore store = OpenWithLineage();
        // A cycle the relations should not hold but an index could: 7001 and 7002 obsolete each other; 7003 replaces both.
        Apply(store, [.. Lineage(),
            Entry(7001, "Widget Transfer", RfcStatus.ProposedStandard) with { ObsoletedBy = [Rfc(7002)] },
            Entry(7002, "Widget Transfer", RfcStatus.ProposedStandard) with { ObsoletedBy = [Rfc(7001), Rfc(7003)] },
            Entry(7003, "Widget Transfer", RfcStatus.ProposedStandard),
            Entry(7004, "Widget Transfer", RfcStatus.ProposedStandard) with { ObsoletedBy = [Rfc(7005)] },
            Entry(7005, "Widget Transfer", RfcStatus.ProposedStandard) with { ObsoletedBy = [Rfc(7004)] }]);

        IndexSearchHit[] hits = [.. store.SearchIndex("http", new IndexSearchFilter { Limit = 50 }), .. store.SearchIndex("widget", new IndexSearchFilter { Limit = 50 })];

        Assert.Equal(12, hits.Length);
        Assert.All(hits, h => Assert.Equal(store.GetCurrentVersions(h.Number), h.CurrentVersions));
        Assert.Equal([9110, 9111, 9112], hits.First(h => h.Number.Value == 2068).CurrentVersions.Select(n => n.Value));
        Assert.Equal([7003], hits.First(h => h.Number.Value == 7001).CurrentVersions.Select(n => n.Value));
        Assert.Empty(hits.First(h => h.Number.Value == 7004).CurrentVersions);
        Assert.True(hits.First(h => h.Number.Value == 7004).IsObsoleted);
    }

    [Fact]
    public void ResolveSubseries_UnitesSubseriesEntriesAndIsAlso()
    {
        using RfcStore store = OpenWithLineage();

        IReadOnlyList<RfcNumber> bcp14 = store.ResolveSubseries(new DocId(DocSeries.Bcp, 14), out _);
        IReadOnlyList<RfcNumber> std97 = store.ResolveSubseries(new DocId(DocSeries.Std, 97), out _);
        IReadOnlyList<RfcNumber> fyi1 = store.ResolveSubseries(new DocId(DocSeries.Fyi, 1), out _);

        Assert.Equal([2119, 8174], bcp14.Select(n => n.Value));
        Assert.Equal([9110], std97.Select(n => n.Value));
        Assert.Empty(fyi1);
    }

    [Fact]
    public void SearchIndex_RanksTitleAboveAbstract_AndMarksObsoleted()
    {
        using RfcStore store = OpenWithLineage();

        IReadOnlyList<IndexSearchHit> hits = store.SearchIndex("congestion control", new IndexSearchFilter());

        Assert.Equal([5681, 9000], hits.Where(h => !h.IsPartial).Select(h => h.Number.Value));
        Assert.Equal([3168], hits.Where(h => h.IsPartial).Select(h => h.Number.Value));
        Assert.False(hits[0].IsObsoleted);
        Assert.True(store.SearchIndex("HTTP/1.1", new IndexSearchFilter()).Single(h => h.Number.Value == 2616).IsObsoleted);
    }

    [Fact]
    public void SearchIndex_OfManyWords_FindsTheirPartialMatches_PastTheFirstValueOfPhrases()
    {
        // 31 words, one phrase each: "caching" is the 31st, described by the second value rfc_phrases gives a row (28
        // phrases to a value). Nothing has every word; the partial matches are the two titles with caching in them,
        // also with a filter, which is read once for every match.
        using RfcStore store = OpenWithLineage();
        string query = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"zq{i}")) + " caching";

        IndexSearchResults results = store.SearchIndex(query, new IndexSearchFilter());
        IndexSearchResults since2020 = store.SearchIndex(query, new IndexSearchFilter { Since = 2020 });

        Assert.True(results.IsPartial);
        Assert.Equal([7234, 9111], results.Select(h => h.Number.Value).Order());
        Assert.Equal([9111], since2020.Select(h => h.Number.Value));
    }

    [Fact]
    public void SearchIndex_SeesRelationsALaterSyncAdds_ToEntriesItLeftUnchanged()
    {
        using RfcStore store = OpenWithLineage();
        Assert.False(store.SearchIndex("quic", new IndexSearchFilter()).Single(h => h.Number.Value == 9000).IsObsoleted);
        Assert.Equal(0, store.SearchIndex("congestion control", new IndexSearchFilter()).Single(h => h.Number.Value == 5681).Parts.Centrality);

        // Only the new entry names the relation: 9000 itself is stored unchanged.
        using (IndexUpdate update = store.BeginIndexUpdate())
        {
            foreach (IndexRecord record in Lineage())
            {
                update.Add(record);
            }

            update.Add(Entry(9999, "QUIC Again", RfcStatus.ProposedStandard, 2030) with { Obsoletes = [Rfc(9000)], Updates = [Rfc(5681)] });
            Assert.Equal(1, update.Commit(new IndexSyncState("http://127.0.0.1/rfc-index.xml", "\"v2\"", null, DateTimeOffset.UtcNow, 14)).Added);
        }

        Assert.True(store.SearchIndex("quic", new IndexSearchFilter()).Single(h => h.Number.Value == 9000).IsObsoleted);
        Assert.True(store.SearchIndex("congestion control", new IndexSearchFilter()).Single(h => h.Number.Value == 5681).Parts.Centrality > 0);
    }

    [Fact]
    public void UpToDateStore_SearchesOnItsPlainHandle_AndTurnsToTheFullConnectionForAWrite()
    {
        using (RfcStore first = OpenWithLineage())
        {
            Assert.True(first.HasConnection); // A new store is created through the full open.
        }

        using RfcStore store = RfcStore.Open(_directory);
        IndexSearchHit[] hits = [.. store.SearchIndex("http/1.1", new IndexSearchFilter())];
        Assert.True(store.HasIndexEntries());
        Assert.Equal([9110, 9111, 9112], store.GetCurrentVersions(new RfcNumber(2616)).Select(n => n.Value));
        IndexSearchResults corrected = store.SearchIndex("kongestion", new IndexSearchFilter());
        Assert.Equal(("congestion", true), (corrected.SearchedFor, corrected.IsCorrected));
        Assert.Contains(5681, corrected.Select(h => h.Number.Value));
        IndexedRfc info = store.GetIndexEntry(new RfcNumber(2616))!; // rfc info.
        Assert.Equal((RfcStatus.DraftStandard, 1999), (info.Entry.CurrentStatus, info.Entry.Date!.Value.Year));
        Assert.Equal([Rfc(2068)], info.Entry.Obsoletes);
        Assert.Contains(info.Relations, r => r.Target == Rfc(7230) && r.Title == "Hypertext Transfer Protocol (HTTP/1.1): Message Syntax and Routing");
        Assert.False(store.HasConnection);

        // A write opens the full connection and closes the plain handle (its kept statements with it): what is read
        // after is the same, and sees the write.
        Apply(store, [.. Lineage(), Entry(9999, "HTTP/1.1 Again", RfcStatus.ProposedStandard, 2030) with { Obsoletes = [Rfc(9112)] }]);
        Assert.True(store.HasConnection);
        Assert.Equal([9110, 9111, 9999], store.GetCurrentVersions(new RfcNumber(2616)).Select(n => n.Value));
        Assert.Equal(hits.Select(h => h.Number).Append(new RfcNumber(9999)).Order(), store.SearchIndex("http/1.1", new IndexSearchFilter()).Select(h => h.Number).Order());
    }

    [Fact]
    public async Task PlainHandle_AnswersReadsFromSeveralThreadsAtOnce_AndTheSwitchToTheFullConnectionWithThem()
    {
        // The plain handle has no SQLite mutex of its own (SQLITE_OPEN_NOMUTEX): the store's lock is all that keeps
        // two threads off it at once, as the mirror's workers and its writer share a store. Every read from every
        // thread must give what one thread alone gets, also while one of them opens the full connection midway.
        using (OpenWithLineage())
        {
        }

        using RfcStore store = RfcStore.Open(_directory);
        Assert.False(store.HasConnection);
        string Answer() => string.Join(';',
            string.Join(',', store.SearchIndex("http/1.1", new IndexSearchFilter()).Select(h => h.Number.Value)),
            string.Join(',', store.GetCurrentVersions(new RfcNumber(2616)).Select(n => n.Value)),
            store.GetTitle(new RfcNumber(9112)),
            store.GetIndexEntry(new RfcNumber(5681))!.Entry.Title,
            store.SearchIndex("kongestion", new IndexSearchFilter()).SearchedFor);
        string alone = Answer();

        using var start = new Barrier(4);
        Task<string[]>[] readers = [.. Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
        {
            start.SignalAndWait();
            var answers = new string[200];
            for (int i = 0; i < answers.Length; i++)
            {
                if (thread == 0 && i == answers.Length / 2)
                {
                    Assert.False(store.IsReadOnly); // Opens the full connection and closes the plain handle under the others.
                }

                answers[i] = Answer();
            }

            return answers;
        }))];

        // Unguarded, the threads corrupt the kept statements' dictionary and spin: fail rather than hang.
        foreach (string[] answers in await Task.WhenAll(readers).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken))
        {
            Assert.All(answers, answer => Assert.Equal(alone, answer));
        }

        Assert.True(store.HasConnection);
    }

    [Fact]
    public void StoreThatNeedsAMigration_OpensTheFullConnectionAtOnce()
    {
        OpenWithLineage().Dispose();
        DowngradeTo(Schema.AcronymsSchema - 1);

        using RfcStore migrated = RfcStore.Open(_directory);

        Assert.True(migrated.HasConnection);
        using RfcStore reopened = RfcStore.Open(_directory);
        Assert.False(reopened.HasConnection);
    }

    [Theory]
    [InlineData(5)] // before index_standing (6)
    [InlineData(7)] // before index_rank (8), which replaced it
    [InlineData(8)] // before index_current (9)
    public void Migration_FillsWhatRankingReads_FromAnIndexSyncedBeforeIt(int version)
    {
        IndexSearchHit[] before;
        using (RfcStore store = OpenWithLineage())
        {
            before = [.. store.SearchIndex("http", new IndexSearchFilter())];
        }

        DowngradeTo(version);

        using RfcStore migrated = RfcStore.Open(_directory);
        IndexSearchHit[] after = [.. migrated.SearchIndex("http", new IndexSearchFilter())];

        Assert.Contains(after, h => h.IsObsoleted);
        Assert.Equal(before.Select(h => (h.Number, h.IsObsoleted, h.Parts)), after.Select(h => (h.Number, h.IsObsoleted, h.Parts)));
        Assert.Equal(before.Select(h => string.Join(' ', h.CurrentVersions)), after.Select(h => string.Join(' ', h.CurrentVersions)));
        Assert.Contains(after, h => h.CurrentVersions.Count > 0);
    }

    [Fact]
    public void Acronyms_SpelledOutOnlyBesideAVersionedForm_ExpandTheBareAcronymToo()
    {
        using RfcStore store = RfcStore.Open(_directory);
        Apply(store, [
            Entry(792, "Widget Control Message Protocol", RfcStatus.InternetStandard, 1981),
            Entry(4443, "Widget Control Message Protocol (WCMPv6) for the Internet Protocol Version 6 (IPv6) Specification", RfcStatus.InternetStandard, 2006),
            Entry(5508, "NAT Behavioral Requirements for WCMP", RfcStatus.BestCurrentPractice, 2009),
        ]);

        IndexSearchResults hits = store.SearchIndex("wcmp", new IndexSearchFilter());

        Assert.Equal([792, 4443, 5508], hits.Select(h => h.Number.Value));
        Assert.Equal(1, hits[0].Parts.Name);
    }

    [Fact]
    public void Acronyms_FoundThroughATitleThatSpellsThemOut_AfterMigrationAndUntilASyncDropsIt()
    {
        // RFC 826's title never says ARP; RFC 5227's spells it out, which is how a search for "arp" finds 826.
        IndexRecord[] records =
        [
            Entry(826, "An Ethernet Address Resolution Protocol", RfcStatus.InternetStandard, 1982),
            Entry(5227, "IPv4 Address Conflict Detection for the Address Resolution Protocol (ARP)", RfcStatus.ProposedStandard, 2008),
        ];
        using (RfcStore store = RfcStore.Open(_directory))
        {
            Apply(store, records);
        }

        // The store as the release before the acronyms table left it: the same index, that migration not run.
        DowngradeTo(Schema.AcronymsSchema - 1);

        using RfcStore migrated = RfcStore.Open(_directory);
        Assert.Equal([826, 5227], migrated.SearchIndex("arp", new IndexSearchFilter()).Select(h => h.Number.Value).Order());

        // A sync whose titles no longer spell it out forgets the expansion: 826 is no longer an "arp" result.
        Apply(migrated, [records[0], Entry(5227, "IPv4 Conflict Detection (ARP)", RfcStatus.ProposedStandard, 2008)]);
        Assert.Equal([5227], migrated.SearchIndex("arp", new IndexSearchFilter()).Select(h => h.Number.Value));
    }

    [Fact]
    public void Acronyms_ASecondMeaningFarRarerThanTheFirst_IsNotSearched()
    {
        // 5001 and 5000 spell out one meaning each of ZAP without saying ZAP; other titles teach the two meanings.
        static IndexRecord[] Titles(int common) =>
        [
            Entry(5000, "Zonal Area Partitions", RfcStatus.Informational, 2000),
            Entry(5001, "Zebra Access Protocol", RfcStatus.ProposedStandard, 2001),
            Entry(6000, "Zonal Area Partitions (ZAP) in Practice", RfcStatus.Informational, 2002),
            .. Enumerable.Range(7000, common).Select(n => Entry(n, $"Zebra Access Protocol (ZAP) Extension {n}", RfcStatus.ProposedStandard, 2003)),
        ];
        using RfcStore store = RfcStore.Open(_directory);

        // One title against twenty: both meanings are searched.
        Apply(store, Titles(20));
        Assert.Contains(store.SearchIndex("zap", new IndexSearchFilter { Limit = 50 }), h => h.Number.Value == 5000);

        // One against twenty-one: the rare meaning is no longer searched; the common one still is.
        Apply(store, Titles(21));
        IndexSearchHit[] hits = [.. store.SearchIndex("zap", new IndexSearchFilter { Limit = 50 })];
        Assert.DoesNotContain(hits, h => h.Number.Value == 5000);
        Assert.Contains(hits, h => h.Number.Value == 5001);
    }

    [Fact]
    public void SearchIndex_AppliesStatusSinceAuthorAndWorkingGroup()
    {
        using RfcStore store = OpenWithLineage();

        Assert.Equal([9000], store.SearchIndex("congestion control", new IndexSearchFilter { Status = "PROPOSED STANDARD" }).Where(h => !h.IsPartial).Select(h => h.Number.Value));
        Assert.Equal([9110, 9111, 9112], store.SearchIndex("HTTP", new IndexSearchFilter { Since = 2020 }).Select(h => h.Number.Value).Order());
        Assert.Equal([5681], store.SearchIndex("congestion", new IndexSearchFilter { Author = "allman" }).Select(h => h.Number.Value));
        Assert.Equal([9000], store.SearchIndex("congestion", new IndexSearchFilter { WorkingGroup = "QUIC" }).Select(h => h.Number.Value));
        Assert.Single(store.SearchIndex("HTTP", new IndexSearchFilter { Limit = 1 }));
    }

    [Theory]
    [InlineData("\"coffee pot")]
    [InlineData("coffee AND")]
    [InlineData("nosuchcolumn: coffee")]
    [InlineData("(coffee")]
    public void Search_ThrowsSearchQueryException_ForMalformedFts5(string query)
    {
        using RfcStore store = OpenWithLineage();

        SearchQueryException index = Assert.Throws<SearchQueryException>(() => store.SearchIndex(query, new IndexSearchFilter()));
        SearchQueryException text = Assert.Throws<SearchQueryException>(() => store.SearchDocuments(query, 10));

        Assert.StartsWith($"the search query '{query}' is not valid FTS5 syntax: ", index.Message);
        Assert.DoesNotContain("SQLite Error", text.Message);
    }

    [Fact]
    public async Task SearchDocuments_GivesSnippetPageAndSection_ForPaginatedText()
    {
        using RfcStore store = OpenWithLineage();
        string text = string.Join('\n',
            "Network Working Group                                        L. Masinter",
            "",
            "1. Rationale and Scope",
            "",
            "   There is coffee spilled on the first page.",
            "",
            "Masinter                      Informational                    [Page 1]",
            "\f",
            "RFC 2324                       HTCPCP/1.0                  1 April 1998",
            "",
            "2. HTCPCP Protocol",
            "",
            "   This document specifies a protocol for controlling a coffee pot",
            "   over the network.",
            "",
            "Masinter                      Informational                    [Page 2]",
            "");
        byte[] content = Encoding.ASCII.GetBytes(text);
        store.PutDocument(new StoredDocument(new RfcNumber(2324), content, null, null, DateTimeOffset.UtcNow, RfcStore.Hash(content), null));
        await store.UpdateFullTextIndexAsync(rebuild: false, null, TestContext.Current.CancellationToken);

        FullTextHit hit = Assert.Single(store.SearchDocuments("\"coffee pot\"", 10));

        Assert.Equal(2324, hit.Number.Value);
        Assert.Null(hit.Title);
        Assert.Contains($"{RfcStore.HighlightStart}coffee{RfcStore.HighlightEnd} {RfcStore.HighlightStart}pot{RfcStore.HighlightEnd}", hit.Snippet);
        Assert.Equal(2, hit.Page);
        Assert.Equal("2. HTCPCP Protocol", hit.Section);
    }

    [Fact]
    public async Task SearchDocuments_HasNoPage_ForUnpaginatedText_AndTitleFromIndex()
    {
        using RfcStore store = OpenWithLineage();
        string text = "\nHTTP Semantics\n\nAbstract\n\n   Stuff.\n\n8.8.3.  Last-Modified\n\n   The \"Last-Modified\" header field in a response provides a timestamp.\n";
        byte[] content = Encoding.UTF8.GetBytes(text);
        store.PutDocument(new StoredDocument(new RfcNumber(9110), content, null, null, DateTimeOffset.UtcNow, RfcStore.Hash(content), null));
        await store.UpdateFullTextIndexAsync(rebuild: false, null, TestContext.Current.CancellationToken);

        FullTextHit hit = Assert.Single(store.SearchDocuments("timestamp", 10));

        Assert.Equal("HTTP Semantics", hit.Title);
        Assert.Null(hit.Page);
        Assert.Equal("8.8.3. Last-Modified", hit.Section);
    }

    [Fact]
    public void SyncState_RoundTrips_AndMarkUnchangedMovesTheTime()
    {
        using RfcStore store = OpenWithLineage();
        DateTimeOffset later = DateTimeOffset.UtcNow.AddHours(1);

        store.MarkIndexUnchanged("http://127.0.0.1/rfc-index.xml", later);
        IndexSyncState state = store.GetSyncState("http://127.0.0.1/rfc-index.xml")!;

        Assert.Equal("\"v1\"", state.ETag);
        Assert.Equal(13, state.Entries);
        Assert.Equal(later.ToUnixTimeMilliseconds(), state.SyncedAt.ToUnixTimeMilliseconds());
        Assert.Null(store.GetSyncState("http://127.0.0.1/other.xml"));
    }

    /// <summary>
    /// Turns the store into what the release with schema <paramref name="version"/> (5 to 8) left: the same index, the
    /// migrations since not run, each table as its own migration made it.
    /// </summary>
    private void DowngradeTo(int version)
    {
        Assert.InRange(version, 5, Schema.Migrations.Length - 1);
        StringBuilder sql = new("DROP TABLE index_current;");
        if (version < 8)
        {
            sql.Append("DROP TABLE index_rank;");
            if (version >= 6)
            {
                sql.Append(Schema.Migrations[5]); // index_standing, filled from the index as migration 6 filled it.
            }
        }

        if (version < Schema.AcronymsSchema)
        {
            sql.Append("DROP TABLE index_acronyms;");
        }

        Downgrade(sql.Append($"PRAGMA user_version = {version};").ToString());
    }

    /// <summary>Runs <paramref name="sql"/> on the closed store, to make it what an older release left.</summary>
    private void Downgrade(string sql)
    {
        SqliteConnection.ClearAllPools();
        using SqliteConnection connection = new($"Data Source={Path.Combine(_directory, RfcStore.FileName)};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static IndexUpdateCounts Apply(RfcStore store, IEnumerable<IndexRecord> records)
    {
        using IndexUpdate update = store.BeginIndexUpdate();
        foreach (IndexRecord record in records)
        {
            update.Add(record);
        }

        return update.Commit(new IndexSyncState("http://127.0.0.1/rfc-index.xml", null, null, DateTimeOffset.UtcNow, 0));
    }
}
