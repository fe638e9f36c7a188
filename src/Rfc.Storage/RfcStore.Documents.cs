using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Rfc.Documents;

namespace Rfc.Storage;

/// <summary>The documents half of the store: each document once, its bytes and what revalidation needs.</summary>
internal sealed partial class RfcStore
{
    /// <summary>
    /// The stored document <paramref name="number"/>, or null. Its SHA-256 is checked on the way out: a
    /// document whose bytes changed on disk throws <see cref="StoredDocumentCorruptException"/>.
    /// </summary>
    public StoredDocument? GetDocument(RfcNumber number) => Run(() =>
    {
        using SqliteCommand command = Command(DocumentRow.SelectByNumber, ("$n", number.Value));
        using SqliteDataReader reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return DocumentRow.Map(
            number,
            (byte[])reader.GetValue(DocumentRow.Content),
            NullableString(reader, DocumentRow.ETag),
            NullableString(reader, DocumentRow.LastModified),
            reader.GetString(DocumentRow.FetchedAt),
            reader.GetString(DocumentRow.Sha256),
            NullableString(reader, DocumentRow.Source),
            DatabasePath);
    });

    /// <summary>
    /// The stored document <paramref name="number"/> to revalidate, or null when it is absent or fails its
    /// checksum (a damaged copy is fetched again unconditionally: that is how <c>--refresh</c> repairs it).
    /// </summary>
    public StoredDocument? GetDocumentForRefresh(RfcNumber number)
    {
        try
        {
            return GetDocument(number);
        }
        catch (StoredDocumentCorruptException)
        {
            return null;
        }
    }

    /// <summary>True when document <paramref name="number"/> is stored.</summary>
    public bool Contains(RfcNumber number) => Run(() =>
    {
        using SqliteCommand command = Command("SELECT 1 FROM documents WHERE number = $n;", ("$n", number.Value));
        return command.ExecuteScalar() is not null;
    });

    /// <summary>
    /// Stores (or replaces) a document in one transaction, so a killed process leaves either the old version
    /// or the new one, never half of either. Nothing else happens here: the full-text index is derived data,
    /// brought up to date later (<see cref="UpdateFullTextIndexAsync"/>).
    /// </summary>
    public void PutDocument(StoredDocument document) => PutDocuments([document]);

    /// <summary>
    /// Stores several documents in one transaction (the mirror's batches: one commit, one fsync, for many
    /// documents). All of them are stored, or none. Each document's <see cref="StoredDocument.Sha256"/> must be
    /// that of its bytes: every read checks it.
    /// </summary>
    public void PutDocuments(IReadOnlyList<StoredDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        // The SHA-256 comes from the bytes as they arrived (FetchOutcome.ToStored); hashing 179 MB again here would
        // double the mirror's checksum work, so a mismatch is a caller's bug, checked in debug builds.
        Debug.Assert(documents.All(d => string.Equals(Hash(d.Content), d.Sha256, StringComparison.Ordinal)), "a document's SHA-256 does not match its bytes");
        Run(() =>
        {
            using SqliteTransaction transaction = Connection.BeginTransaction(deferred: false);
            using SqliteCommand upsert = Command(
                """
                INSERT INTO documents (number, content, size, sha256, etag, last_modified, fetched_at, source)
                VALUES ($n, zeroblob($size), $size, $sha, $etag, $modified, $fetched, $source)
                ON CONFLICT (number) DO UPDATE SET content = excluded.content, size = excluded.size, sha256 = excluded.sha256,
                    etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at, source = excluded.source;
                """);
            upsert.Transaction = transaction;
            SqliteParameter n = upsert.Parameters.Add("$n", SqliteType.Integer);
            SqliteParameter size = upsert.Parameters.Add("$size", SqliteType.Integer);
            SqliteParameter sha = upsert.Parameters.Add("$sha", SqliteType.Text);
            SqliteParameter etag = upsert.Parameters.Add("$etag", SqliteType.Text);
            SqliteParameter modified = upsert.Parameters.Add("$modified", SqliteType.Text);
            SqliteParameter fetched = upsert.Parameters.Add("$fetched", SqliteType.Text);
            SqliteParameter source = upsert.Parameters.Add("$source", SqliteType.Text);
            foreach (StoredDocument document in documents)
            {
                n.Value = document.Number.Value;
                size.Value = document.Content.LongLength;
                sha.Value = document.Sha256;
                etag.Value = (object?)document.ETag ?? DBNull.Value;
                modified.Value = (object?)FormatTime(document.LastModified) ?? DBNull.Value;
                fetched.Value = FormatTime(document.FetchedAt);
                source.Value = (object?)document.Source ?? DBNull.Value;
                upsert.ExecuteNonQuery();
                // The bytes go straight into the row's pages through SQLite's blob handle (the row id is the
                // number). Bound as a parameter, they would first be copied into a buffer SQLite allocates: for
                // RFC 2616 that copy was about 100 of a fetch's 1,200 page faults (perf record -e page-faults).
                using SqliteBlob blob = new(Connection, "documents", "content", document.Number.Value);
                blob.Write(document.Content);
            }

            transaction.Commit();
            return 0;
        });
    }

    /// <summary>How many documents are stored.</summary>
    public int CountDocuments() => Run(() =>
    {
        using SqliteCommand command = Command("SELECT count(*) FROM documents INDEXED BY documents_summary;");
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });

    /// <summary>Every stored document's number and SHA-256 (what the full-text index compares itself with).</summary>
    public IReadOnlyDictionary<int, string> StoredChecksums() => Run(() =>
    {
        Dictionary<int, string> checksums = [];
        using SqliteCommand command = Command("SELECT number, sha256 FROM documents INDEXED BY documents_summary;");
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            checksums[reader.GetInt32(0)] = reader.GetString(1);
        }

        return (IReadOnlyDictionary<int, string>)checksums;
    });

    /// <summary>
    /// Recomputes every stored document's SHA-256 and returns the numbers whose bytes no longer match,
    /// reading one document at a time.
    /// </summary>
    public IReadOnlyList<RfcNumber> FindCorruptDocuments()
    {
        List<RfcNumber> corrupt = [];
        foreach (StoredDocumentInfo info in ListDocuments())
        {
            if (GetDocumentForRefresh(info.Number) is null && Contains(info.Number))
            {
                corrupt.Add(info.Number);
            }
        }

        return corrupt;
    }

    /// <summary>The numbers of every stored document, for a quick "already have it" check.</summary>
    public IReadOnlySet<int> StoredNumbers() => Run(() =>
    {
        HashSet<int> numbers = [];
        using SqliteCommand command = Command("SELECT number FROM documents INDEXED BY documents_summary;");
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            numbers.Add(reader.GetInt32(0));
        }

        return (IReadOnlySet<int>)numbers;
    });

    /// <summary>Records a successful revalidation (HTTP 304): the stored bytes stay, the time moves on.</summary>
    public void MarkRevalidated(RfcNumber number, DateTimeOffset at) => Run(() =>
    {
        using SqliteCommand command = Command("UPDATE documents SET fetched_at = $at WHERE number = $n;", ("$n", number.Value), ("$at", FormatTime(at)));
        return command.ExecuteNonQuery();
    });

    /// <summary>Every stored document, by number, without the bytes.</summary>
    public IReadOnlyList<StoredDocumentInfo> ListDocuments() => Run(() =>
    {
        List<StoredDocumentInfo> list = [];
        using SqliteCommand command = Command("SELECT number, size, fetched_at FROM documents INDEXED BY documents_summary ORDER BY number;");
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new StoredDocumentInfo(new RfcNumber(reader.GetInt32(0)), reader.GetInt64(1), ParseTime(reader.GetString(2))));
        }

        return (IReadOnlyList<StoredDocumentInfo>)list;
    });

}
