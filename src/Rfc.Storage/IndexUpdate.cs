using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Rfc.Documents;
using Rfc.Documents.Index;

namespace Rfc.Storage;

/// <summary>
/// One sync's worth of index changes, in a single transaction: entries are added as the parser yields them and
/// nothing is visible to other processes until <see cref="Commit"/>. Disposing without committing rolls back, so a
/// sync that fails half-way (or is killed) leaves the previous index exactly as it was.
/// </summary>
internal sealed class IndexUpdate : IDisposable
{
    private readonly SqliteTransaction _transaction;
    private readonly string _path;
    private readonly SqliteCommand _selectFingerprint;
    private readonly SqliteCommand _upsertEntry;
    private readonly SqliteCommand _deleteRelations;
    private readonly SqliteCommand _insertRelation;
    private readonly SqliteCommand _deleteText;
    private readonly SqliteCommand _insertText;
    private readonly SqliteCommand _deleteSubseries;
    private readonly SqliteCommand _insertSubseries;
    private readonly SqliteCommand[] _commands;
    private int _added;
    private int _changed;
    private int _unchanged;
    private int _subseries;
    private bool _done;

    internal IndexUpdate(SqliteConnection connection, string path)
    {
        _path = path;
        _transaction = connection.BeginTransaction(deferred: false);
        _selectFingerprint = Prepare(connection, "SELECT fingerprint FROM index_entries WHERE number = $n;", "$n");
        _upsertEntry = Prepare(
            connection,
            """
            INSERT INTO index_entries (number, not_issued, title, authors, year, month, day, formats, pages, current_status, publication_status,
                stream, area, wg, keywords, abstract, draft, doi, errata_url, fingerprint)
            VALUES ($n, $not_issued, $title, $authors, $year, $month, $day, $formats, $pages, $current_status, $publication_status,
                $stream, $area, $wg, $keywords, $abstract, $draft, $doi, $errata_url, $fingerprint)
            ON CONFLICT (number) DO UPDATE SET not_issued = excluded.not_issued, title = excluded.title, authors = excluded.authors,
                year = excluded.year, month = excluded.month, day = excluded.day, formats = excluded.formats, pages = excluded.pages,
                current_status = excluded.current_status, publication_status = excluded.publication_status, stream = excluded.stream,
                area = excluded.area, wg = excluded.wg, keywords = excluded.keywords, abstract = excluded.abstract, draft = excluded.draft,
                doi = excluded.doi, errata_url = excluded.errata_url, fingerprint = excluded.fingerprint;
            """,
            "$n", "$not_issued", "$title", "$authors", "$year", "$month", "$day", "$formats", "$pages", "$current_status", "$publication_status",
            "$stream", "$area", "$wg", "$keywords", "$abstract", "$draft", "$doi", "$errata_url", "$fingerprint");
        _deleteRelations = Prepare(connection, "DELETE FROM index_relations WHERE from_number = $n;", "$n");
        _insertRelation = Prepare(connection, "INSERT OR IGNORE INTO index_relations (from_number, kind, target) VALUES ($n, $kind, $target);", "$n", "$kind", "$target");
        _deleteText = Prepare(connection, "DELETE FROM index_text WHERE rowid = $n;", "$n");
        _insertText = Prepare(connection, "INSERT INTO index_text (rowid, title, abstract, keywords, authors) VALUES ($n, $title, $abstract, $keywords, $authors);", "$n", "$title", "$abstract", "$keywords", "$authors");
        _deleteSubseries = Prepare(connection, "DELETE FROM subseries WHERE id = $id;", "$id");
        _insertSubseries = Prepare(connection, "INSERT OR IGNORE INTO subseries (id, member, title) VALUES ($id, $member, $title);", "$id", "$member", "$title");
        _commands = [_selectFingerprint, _upsertEntry, _deleteRelations, _insertRelation, _deleteText, _insertText, _deleteSubseries, _insertSubseries];
    }

    /// <summary>The counts so far.</summary>
    public IndexUpdateCounts Counts => new(_added, _changed, _unchanged, _subseries);

    /// <summary>Adds or updates one record; an RFC entry stored exactly so already is left alone.</summary>
    public void Add(IndexRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ObjectDisposedException.ThrowIf(_done, this);
        try
        {
            switch (record)
            {
                case RfcIndexEntry entry:
                    AddEntry(entry);
                    break;
                case SubseriesEntry subseries:
                    AddSubseries(subseries);
                    break;
            }
        }
        catch (SqliteException e)
        {
            throw RfcStore.Damaged(_path, e);
        }
    }

    /// <summary>Records <paramref name="state"/> for the next conditional request and commits everything.</summary>
    public IndexUpdateCounts Commit(IndexSyncState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ObjectDisposedException.ThrowIf(_done, this);
        try
        {
            // The spelling vocabulary is derived from the entries: refilled in the same transaction whenever they
            // changed (or it was never filled), so a corrector never sees words of another index than the one searched.
            if (_added + _changed > 0 || VocabularyEmpty())
            {
                RfcStore.RebuildVocabulary(_transaction.Connection!, _transaction);
            }

            if (_added + _changed > 0)
            {
                using SqliteCommand standing = _transaction.Connection!.CreateCommand();
                standing.Transaction = _transaction;
                standing.CommandText = RfcStore.RefillRankSql + RfcStore.RefillCurrentSql + RfcStore.OptimizeTextSql;
                standing.ExecuteNonQuery();
                RfcStore.RebuildAcronyms(_transaction.Connection!, _transaction);
            }

            RfcStore.PutSyncState(_transaction, state);
            _transaction.Commit();
            _done = true;
            return Counts;
        }
        catch (SqliteException e)
        {
            throw RfcStore.Damaged(_path, e);
        }
    }

    /// <summary>Rolls back unless <see cref="Commit"/> ran.</summary>
    public void Dispose()
    {
        foreach (SqliteCommand command in _commands)
        {
            command.Dispose();
        }

        if (!_done)
        {
            _done = true;
            _transaction.Rollback();
        }

        _transaction.Dispose();
    }

    private void AddEntry(RfcIndexEntry entry)
    {
        int number = entry.Number.Value;
        string authors = string.Join('\n', entry.Authors.Select(a => a.Title is null ? a.Name : a.Name + RfcStore.AuthorTitleSeparator + a.Title));
        string keywords = string.Join('\n', entry.Keywords);
        string formats = string.Join(',', entry.Formats);
        string fingerprint = Fingerprint(entry, authors, keywords, formats);

        _selectFingerprint.Parameters["$n"].Value = number;
        string? stored = _selectFingerprint.ExecuteScalar() as string;
        if (stored == fingerprint)
        {
            _unchanged++;
            return;
        }

        if (stored is null)
        {
            _added++;
        }
        else
        {
            _changed++;
        }

        Set(_upsertEntry, "$n", number);
        Set(_upsertEntry, "$not_issued", entry.NotIssued ? 1 : 0);
        Set(_upsertEntry, "$title", entry.Title);
        Set(_upsertEntry, "$authors", authors);
        Set(_upsertEntry, "$year", entry.Date?.Year);
        Set(_upsertEntry, "$month", entry.Date?.Month);
        Set(_upsertEntry, "$day", entry.Date?.Day);
        Set(_upsertEntry, "$formats", formats);
        Set(_upsertEntry, "$pages", entry.PageCount);
        Set(_upsertEntry, "$current_status", entry.CurrentStatus.Text);
        Set(_upsertEntry, "$publication_status", entry.PublicationStatus?.Text);
        Set(_upsertEntry, "$stream", entry.Stream);
        Set(_upsertEntry, "$area", entry.Area);
        Set(_upsertEntry, "$wg", entry.WorkingGroup);
        Set(_upsertEntry, "$keywords", keywords);
        Set(_upsertEntry, "$abstract", entry.Abstract);
        Set(_upsertEntry, "$draft", entry.Draft);
        Set(_upsertEntry, "$doi", entry.Doi);
        Set(_upsertEntry, "$errata_url", entry.ErrataUrl);
        Set(_upsertEntry, "$fingerprint", fingerprint);
        _upsertEntry.ExecuteNonQuery();

        _deleteRelations.Parameters["$n"].Value = number;
        _deleteRelations.ExecuteNonQuery();
        AddRelations(number, IndexRelationKind.Obsoletes, entry.Obsoletes);
        AddRelations(number, IndexRelationKind.ObsoletedBy, entry.ObsoletedBy);
        AddRelations(number, IndexRelationKind.Updates, entry.Updates);
        AddRelations(number, IndexRelationKind.UpdatedBy, entry.UpdatedBy);
        AddRelations(number, IndexRelationKind.IsAlso, entry.IsAlso);
        AddRelations(number, IndexRelationKind.SeeAlso, entry.SeeAlso);

        _deleteText.Parameters["$n"].Value = number;
        _deleteText.ExecuteNonQuery();
        if (!entry.NotIssued)
        {
            Set(_insertText, "$n", number);
            Set(_insertText, "$title", entry.Title);
            Set(_insertText, "$abstract", entry.Abstract ?? "");
            Set(_insertText, "$keywords", string.Join(", ", entry.Keywords));
            Set(_insertText, "$authors", string.Join(", ", entry.Authors.Select(a => a.Name)));
            _insertText.ExecuteNonQuery();
        }
    }

    private void AddRelations(int number, IndexRelationKind kind, IReadOnlyList<DocId> targets)
    {
        foreach (DocId target in targets)
        {
            Set(_insertRelation, "$n", number);
            Set(_insertRelation, "$kind", RfcStore.RelationName(kind));
            Set(_insertRelation, "$target", target.ToString());
            _insertRelation.ExecuteNonQuery();
        }
    }

    private void AddSubseries(SubseriesEntry entry)
    {
        _subseries++;
        string id = entry.Id.ToString();
        _deleteSubseries.Parameters["$id"].Value = id;
        _deleteSubseries.ExecuteNonQuery();
        foreach (DocId member in entry.IsAlso)
        {
            Set(_insertSubseries, "$id", id);
            Set(_insertSubseries, "$member", member.ToString());
            Set(_insertSubseries, "$title", entry.Title);
            _insertSubseries.ExecuteNonQuery();
        }
    }

    /// <summary>A digest of everything stored for an entry, so an unchanged entry costs one lookup and no write.</summary>
    private static string Fingerprint(RfcIndexEntry entry, string authors, string keywords, string formats)
    {
        const char Separator = '\u001f';
        StringBuilder text = new();
        text.Append(entry.NotIssued).Append(Separator).Append(entry.Title).Append(Separator).Append(authors).Append(Separator)
            .Append(entry.Date?.ToString()).Append(Separator).Append(formats).Append(Separator)
            .Append(entry.PageCount?.ToString(CultureInfo.InvariantCulture)).Append(Separator)
            .Append(entry.CurrentStatus.Text).Append(Separator).Append(entry.PublicationStatus?.Text).Append(Separator)
            .Append(entry.Stream).Append(Separator).Append(entry.Area).Append(Separator).Append(entry.WorkingGroup).Append(Separator)
            .Append(keywords).Append(Separator).Append(entry.Abstract).Append(Separator).Append(entry.Draft).Append(Separator)
            .Append(entry.Doi).Append(Separator).Append(entry.ErrataUrl);
        foreach (IReadOnlyList<DocId> list in (IReadOnlyList<DocId>[])[entry.Obsoletes, entry.ObsoletedBy, entry.Updates, entry.UpdatedBy, entry.IsAlso, entry.SeeAlso])
        {
            text.Append(Separator).AppendJoin(',', list);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private bool VocabularyEmpty()
    {
        using SqliteCommand command = _transaction.Connection!.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = "SELECT NOT EXISTS (SELECT 1 FROM index_vocabulary);";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }

    private SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (string name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        return command;
    }

    private static void Set(SqliteCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;
}
