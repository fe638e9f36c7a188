using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Rfc.Documents;
using Rfc.Documents.Sections;
using Rfc.Documents.Text;
using Rfc.Testing;

namespace Rfc.Storage.Tests;

/// <summary>The derived full-text index, checksums on read, and upgrading a store written by the previous schema.</summary>
public sealed class FullTextIndexTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("rfc-store-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temporary.Dispose();
    }

    private string StoreDirectory => _temporary.Path;

    private static StoredDocument Document(int number, byte[] content) =>
        new(new RfcNumber(number), content, null, null, DateTimeOffset.UtcNow, RfcStore.Hash(content), null);

    private void ChangeBytes(int number, byte[] content)
    {
        using SqliteConnection connection = new($"Data Source={Path.Combine(StoreDirectory, RfcStore.FileName)};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "UPDATE documents SET content = $c WHERE number = $n;";
        command.Parameters.AddWithValue("$c", content);
        command.Parameters.AddWithValue("$n", number);
        command.ExecuteNonQuery();
    }

    [Fact]
    public void GetDocument_ThrowsCorrupt_WhenBytesChangedUnderIt_OnBothReadPaths()
    {
        using (RfcStore store = RfcStore.Open(StoreDirectory))
        {
            store.PutDocument(Document(2324, "coffee\n"u8.ToArray()));
        }

        ChangeBytes(2324, "coffea\n"u8.ToArray());

        using RfcStore reopened = RfcStore.Open(StoreDirectory);
        StoredDocumentCorruptException full = Assert.Throws<StoredDocumentCorruptException>(() => reopened.GetDocument(new RfcNumber(2324)));
        StoredDocumentCorruptException fast = Assert.Throws<StoredDocumentCorruptException>(() => StoreReader.TryGetDocument(StoreDirectory, new RfcNumber(2324)));
        Assert.Equal(2324, full.Number.Value);
        Assert.Equal(full.Message, fast.Message);
        Assert.Null(reopened.GetDocumentForRefresh(new RfcNumber(2324)));
        Assert.Equal([2324], reopened.FindCorruptDocuments().Select(n => n.Value));
    }

    [Fact]
    public async Task Open_UpgradesAStoreWrittenByTheSchemaBeforeIt_KeepingDocumentsAndTheSyncedIndex()
    {
        // A store as the previous release wrote it: migrations 1 to 3, a document with its FTS text, an index entry.
        byte[] content = Encoding.ASCII.GetBytes("Network Working Group\n\n1. Introduction\n\n   This document describes a coffee pot.\n");
        string path = Path.Combine(StoreDirectory, RfcStore.FileName);
        using (SqliteConnection connection = new($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand create = connection.CreateCommand();
            create.CommandText = "PRAGMA journal_mode = WAL;" + Schema.Migrations[0] + Schema.Migrations[1] + Schema.Migrations[2] + """
                INSERT INTO documents (number, content, size, sha256, etag, last_modified, fetched_at, source)
                VALUES (2324, $content, $size, $sha, '"v1"', NULL, '2025-01-01T00:00:00.0000000+00:00', 'http://127.0.0.1/rfc2324.txt');
                INSERT INTO document_text (rowid, body) VALUES (2324, $text);
                INSERT INTO index_entries (number, not_issued, title, authors, formats, current_status, keywords, fingerprint)
                VALUES (2324, 0, 'Hyper Text Coffee Pot Control Protocol (HTCPCP/1.0)', 'L. Masinter', 'TXT', 'INFORMATIONAL', '', 'x');
                INSERT INTO index_sync (url, etag, synced_at, entries) VALUES ('http://127.0.0.1/rfc-index.xml', '"i1"', '2025-01-01T00:00:00.0000000+00:00', 1);
                PRAGMA user_version = 3;
                """;
            create.Parameters.AddWithValue("$content", content);
            create.Parameters.AddWithValue("$size", content.Length);
            create.Parameters.AddWithValue("$sha", RfcStore.Hash(content));
            create.Parameters.AddWithValue("$text", Encoding.ASCII.GetString(content));
            create.ExecuteNonQuery();
        }

        using RfcStore store = RfcStore.Open(StoreDirectory);
        StoredDocument document = store.GetDocument(new RfcNumber(2324))!;
        IReadOnlyList<RfcNumber> pending = store.FullTextPending();
        await store.UpdateFullTextIndexAsync(rebuild: false, null, TestContext.Current.CancellationToken);
        FullTextHit hit = Assert.Single(store.SearchDocuments("\"coffee pot\"", 10));

        Assert.Equal(content, document.Content);
        Assert.Equal("\"v1\"", document.ETag);
        Assert.Equal(1, store.CountIndexEntries());
        Assert.Equal("\"i1\"", store.GetSyncState("http://127.0.0.1/rfc-index.xml")!.ETag);
        Assert.Equal([2324], pending.Select(n => n.Value));
        Assert.Equal("Hyper Text Coffee Pot Control Protocol (HTCPCP/1.0)", hit.Title);
        Assert.Equal("1. Introduction", hit.Section);
        using SqliteConnection check = new($"Data Source={path};Pooling=False");
        check.Open();
        using SqliteCommand tables = check.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'document_text';";
        Assert.Equal(0L, tables.ExecuteScalar());
    }

    [Fact]
    public async Task Update_IndexesOnlyWhatChanged_AndDropsWhatIsGone()
    {
        using RfcStore store = RfcStore.Open(StoreDirectory);
        store.PutDocument(Document(1, "alpha bravo\n"u8.ToArray()));
        store.PutDocument(Document(2, "charlie delta\n"u8.ToArray()));
        FullTextIndexUpdate first = await store.UpdateFullTextIndexAsync(rebuild: false, null, TestContext.Current.CancellationToken);
        store.PutDocument(Document(2, "echo foxtrot\n"u8.ToArray()));
        FullTextIndexUpdate second = await store.UpdateFullTextIndexAsync(rebuild: false, null, TestContext.Current.CancellationToken);
        store.ClearDocuments();
        store.PutDocument(Document(3, "golf hotel\n"u8.ToArray()));
        FullTextIndexUpdate third = await store.UpdateFullTextIndexAsync(rebuild: false, null, TestContext.Current.CancellationToken);

        Assert.Equal(2, first.Indexed);
        Assert.Equal(1, second.Indexed);
        Assert.Equal(1, third.Indexed);
        Assert.Empty(store.SearchDocuments("charlie", 10));
        Assert.Empty(store.SearchDocuments("alpha", 10));
        Assert.Equal(3, Assert.Single(store.SearchDocuments("golf", 10)).Number.Value);
    }

    /// <summary>Phrases whose words porter leaves (nearly) as written, so a regular expression can find them too.</summary>
    private static readonly string[] s_phrases = ["retransmission timeout", "coffee pot", "congestion window", "byte order", "message digest", "domain name"];

    [Fact]
    public async Task Corpus_RebuildMatchesIncremental_AndResultsAgreeWithRipgrepAndTheLocator()
    {
        string folder = Path.Combine(CorpusLocator.Root ?? "", "rfc");
        if (!Directory.Exists(folder))
        {
            Assert.Skip($"the shared RFC corpus was not found (set {CorpusLocator.EnvironmentVariable} or place it at ../shared/corpus)");
        }

        string[] files = Directory.GetFiles(folder, "rfc*.txt");
        Assert.Equal(2524, files.Length);
        using RfcStore store = RfcStore.Open(StoreDirectory);
        // Incremental: half, an update, the rest, another update.
        for (int half = 0; half < 2; half++)
        {
            store.PutDocuments([.. files.Where((_, i) => i % 2 == half).Select(f => Document(int.Parse(Path.GetFileNameWithoutExtension(f)[3..]), File.ReadAllBytes(f)))]);
            await store.UpdateFullTextIndexAsync(rebuild: false, null, TestContext.Current.CancellationToken);
        }

        Dictionary<string, IReadOnlyList<FullTextHit>> incremental = s_phrases.ToDictionary(p => p, p => store.SearchDocuments($"\"{p}\"", 5000));
        FullTextIndexUpdate rebuilt = await store.UpdateFullTextIndexAsync(rebuild: true, null, TestContext.Current.CancellationToken);
        Dictionary<string, IReadOnlyList<FullTextHit>> fromScratch = s_phrases.ToDictionary(p => p, p => store.SearchDocuments($"\"{p}\"", 5000));

        Assert.Equal(2524, rebuilt.Indexed);
        foreach (string phrase in s_phrases)
        {
            Assert.Equal(incremental[phrase], fromScratch[phrase]);
            IReadOnlyList<FullTextHit> hits = fromScratch[phrase];
            HashSet<int> found = [.. hits.Select(h => h.Number.Value)];
            HashSet<int> ripgrep = Ripgrep(phrase, folder);
            Assert.NotEmpty(ripgrep);
            Assert.True(ripgrep.IsSubsetOf(found), $"'{phrase}': rg finds RFC {string.Join(", ", ripgrep.Except(found))} that the index does not");
            // What rg misses FTS5 finds across a line break, a hyphen or a plural: the words are there in order.
            Regex words = WordsInOrder(phrase);
            foreach (int number in found.Except(ripgrep))
            {
                Assert.True(words.IsMatch(RfcTextDecoder.Decode(File.ReadAllBytes(Path.Combine(folder, $"rfc{number}.txt")))), $"'{phrase}': the index finds RFC {number}, where the words are not in order");
            }

            foreach (FullTextHit hit in hits.Take(15))
            {
                AssertLocated(hit, RfcTextDecoder.Decode(File.ReadAllBytes(Path.Combine(folder, $"rfc{hit.Number}.txt"))));
            }
        }
    }

    /// <summary>The hit's snippet is in the document, and the page and section recorded at index time are what the locator finds there.</summary>
    private static void AssertLocated(FullTextHit hit, string text)
    {
        string snippet = hit.Snippet.Trim('…');
        int highlight = snippet.IndexOf(RfcStore.HighlightStart, StringComparison.Ordinal);
        string before = snippet[..highlight].Replace(RfcStore.HighlightEnd.ToString(), "", StringComparison.Ordinal);
        string plain = snippet.Replace(RfcStore.HighlightStart.ToString(), "", StringComparison.Ordinal).Replace(RfcStore.HighlightEnd.ToString(), "", StringComparison.Ordinal);
        // The snippet's white space is collapsed: find it with any run of white space between its words.
        Regex pattern = new(string.Join(@"\s+", plain.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)));
        MatchCollection matches = pattern.Matches(text);
        Assert.True(matches.Count > 0, $"RFC {hit.Number}: snippet '{plain}' not in the document");
        List<RfcLocation> locations = [.. matches.Select(m =>
        {
            int offset = m.Index + CountChars(text, m.Index, before);
            return RfcTextLocator.Locate(text, offset);
        })];
        Assert.Contains(locations, l => l.Page == hit.Page && l.Heading?.ToString() == hit.Section);
    }

    /// <summary>Where the first highlighted word starts: past the words before it, in the document's own spacing.</summary>
    private static int CountChars(string text, int start, string before)
    {
        int words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        Match word = Regex.Match(text[start..], $@"^(?:\s*\S+){{{words}}}\s*");
        return word.Success ? word.Length : 0;
    }

    /// <summary>
    /// The phrase's words in order with only non-word characters between them, each by the part porter keeps
    /// whatever the ending ("name" for "naming" stems to "nam…"): three letters of a short word, all but the
    /// last three of a long one.
    /// </summary>
    private static Regex WordsInOrder(string phrase) =>
        new(string.Join(@"[^\p{L}\p{N}]+", phrase.Split(' ').Select(w => Regex.Escape(w[..(w.Length <= 5 ? Math.Min(w.Length, 3) : w.Length - 3)]) + @"[\p{L}\p{N}]*")), RegexOptions.IgnoreCase);

    private static HashSet<int> Ripgrep(string phrase, string folder)
    {
        ProcessStartInfo start = new("rg") { RedirectStandardOutput = true, UseShellExecute = false };
        // -w: a phrase is whole words (rg alone also finds "domain name" inside "domain nameserver").
        foreach (string argument in new[] { "-ilwF", phrase, folder })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("ripgrep (rg) is not installed");
            throw;
        }

        using (process)
        {
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(f => int.Parse(Path.GetFileNameWithoutExtension(f)[3..]))];
        }
    }
}
