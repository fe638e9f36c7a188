using Microsoft.Data.Sqlite;
using Rfc.Documents;
using Rfc.Documents.Index;
using Rfc.Testing;

namespace Rfc.Storage.Tests;

/// <summary>
/// Full-text results ordered like index results, on real documents and the real text index: among documents that
/// contain the phrase, the current standard before the obsolete one. The RFCs named are the expected answers; the
/// ranking code names none.
/// </summary>
public sealed class FullTextRankingCorpusTests : IDisposable
{
    // SMTP's current specification (RFC 5321) and the three it replaced in turn (2821, 821, 788), each of which uses
    // "mail transaction" as much or more; RFC 2324 mentions none of it.
    private static readonly int[] s_stored = [788, 821, 2821, 5321, 2324];

    private readonly TemporaryDirectory _temporary = new("rfc-fulltext-rank-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temporary.Dispose();
    }

    private async Task<RfcStore> StoreAsync()
    {
        string index = CorpusLocator.IndexPath("rfc-index.txt") ?? "";
        if (!File.Exists(index))
        {
            Assert.Skip($"RFC corpus not found (set {CorpusLocator.EnvironmentVariable} or provide ../shared/corpus)");
        }

        RfcStore store = RfcStore.Open(_temporary.Path);
        await using (FileStream file = File.OpenRead(index))
        {
            using IndexUpdate update = store.BeginIndexUpdate();
            await foreach (IndexRecord record in RfcIndexTextParser.ParseAsync(file, TestContext.Current.CancellationToken))
            {
                update.Add(record);
            }

            update.Commit(new IndexSyncState("http://127.0.0.1/rfc-index.txt", null, null, DateTimeOffset.UtcNow, update.Counts.Total));
        }

        foreach (int number in s_stored)
        {
            byte[] content = await File.ReadAllBytesAsync(CorpusLocator.RfcPath(number)!, TestContext.Current.CancellationToken);
            store.PutDocument(new StoredDocument(new RfcNumber(number), content, null, null, DateTimeOffset.UtcNow, RfcStore.Hash(content), null));
        }

        await store.UpdateFullTextIndexAsync(rebuild: false, null, TestContext.Current.CancellationToken);
        return store;
    }

    [Fact]
    public async Task SearchDocuments_ListsTheReplacementFirst_WhenTheObsoletedRfcsMatchThePhraseBetter()
    {
        using RfcStore store = await StoreAsync();

        IReadOnlyList<FullTextHit> hits = store.SearchDocuments("\"mail transaction\"", 10);

        Assert.Equal(5321, hits[0].Number.Value);
        Assert.Equal([788, 821, 2821], hits.Skip(1).Select(h => h.Number.Value).Order());
        FullTextHit current = hits[0];
        Assert.Equal("Simple Mail Transfer Protocol", current.Title);
        // bm25 alone would put an obsoleted one first: the standing prior is what orders them.
        Assert.Contains(hits.Skip(1), h => h.Parts.Bm25 < current.Parts.Bm25);
        Assert.All(hits.Skip(1), h => Assert.True(h.Parts.Standing < current.Parts.Standing));
        Assert.Equal(current.Parts.Total, current.Score);
        Assert.All(hits, h => Assert.InRange(h.Parts.Relevance, 0.0, 1.0));
        Assert.Equal(1.0, hits.Max(h => h.Parts.Relevance));
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
    }

    [Fact]
    public async Task SearchDocuments_ShowsOnlyTheLimit_AfterReordering()
    {
        using RfcStore store = await StoreAsync();

        IReadOnlyList<FullTextHit> all = store.SearchDocuments("\"mail transaction\"", 10);
        IReadOnlyList<FullTextHit> first = store.SearchDocuments("\"mail transaction\"", 1);

        FullTextHit hit = Assert.Single(first);
        Assert.Equal(all[0].Number, hit.Number);
        Assert.Contains(RfcStore.HighlightStart, hit.Snippet);
        Assert.NotNull(hit.Section);
    }

    [Theory]
    [InlineData("mail AND transaction NOT coffee", new[] { 788, 821, 2821, 5321 }, new[] { 2324 })]
    [InlineData("\"mail transaction\" OR \"coffee pot\"", new[] { 5321, 2324 }, new int[0])]
    [InlineData("transact*", new[] { 788, 821, 2821, 5321 }, new[] { 2324 })]
    [InlineData("coffee NOT transaction", new[] { 2324 }, new[] { 788, 821, 2821, 5321 })]
    public async Task SearchDocuments_KeepsFts5Syntax_WithTheNewOrder(string query, int[] expected, int[] absent)
    {
        using RfcStore store = await StoreAsync();

        IReadOnlyList<FullTextHit> hits = store.SearchDocuments(query, 10);

        int[] numbers = [.. hits.Select(h => h.Number.Value)];
        Assert.All(expected, n => Assert.Contains(n, numbers));
        Assert.All(absent, n => Assert.DoesNotContain(n, numbers));
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
    }

    [Fact]
    public async Task SearchIndex_FillsTheSpellingVocabulary_WhenAMigratedStoreHasNone()
    {
        using (RfcStore synced = await StoreAsync())
        {
            Assert.Equal("kerberos", synced.SearchIndex("kerbros", new IndexSearchFilter()).SearchedFor);
        }

        // A store migrated from schema 4 has the table but no words until something fills it.
        using (SqliteConnection connection = new($"Data Source={Path.Combine(_temporary.Path, RfcStore.FileName)};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand clear = connection.CreateCommand();
            clear.CommandText = "DELETE FROM index_vocabulary;";
            Assert.True(clear.ExecuteNonQuery() > 1000);
        }

        using RfcStore store = RfcStore.Open(_temporary.Path);
        IndexSearchResults results = store.SearchIndex("kerbros", new IndexSearchFilter());

        Assert.True(results.IsCorrected);
        Assert.Equal("kerberos", results.SearchedFor);
        Assert.Contains(4120, results.Take(3).Select(h => h.Number.Value));
    }
}
