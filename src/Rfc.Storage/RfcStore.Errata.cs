using System.Globalization;
using Microsoft.Data.Sqlite;
using Rfc.Documents;
using Rfc.Documents.Errata;

namespace Rfc.Storage;

/// <summary>The errata half of the store: the RFC Editor's errata, replaced whole by each sync, read per RFC.</summary>
internal sealed partial class RfcStore
{
    /// <summary>
    /// Replaces every stored erratum with <paramref name="records"/> and records <paramref name="state"/>, in one
    /// transaction: a failure leaves the previous errata and sync state as they were.
    /// </summary>
    public void ReplaceErrata(IReadOnlyList<ErrataRecord> records, ErrataSyncState state)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(state);
        Run(() =>
        {
            using SqliteTransaction transaction = Connection.BeginTransaction(deferred: false);
            using (SqliteCommand clear = Command("DELETE FROM errata;"))
            {
                clear.Transaction = transaction;
                clear.ExecuteNonQuery();
            }

            using SqliteCommand insert = Command(
                """
                INSERT OR REPLACE INTO errata (id, number, status, type, section, orig_text, correct_text, notes, submit_date, submitter, verifier, update_date)
                VALUES ($id, $n, $status, $type, $section, $orig, $correct, $notes, $submitted, $submitter, $verifier, $updated);
                """);
            insert.Transaction = transaction;
            SqliteParameter id = insert.Parameters.Add("$id", SqliteType.Text);
            SqliteParameter number = insert.Parameters.Add("$n", SqliteType.Integer);
            SqliteParameter status = insert.Parameters.Add("$status", SqliteType.Text);
            SqliteParameter type = insert.Parameters.Add("$type", SqliteType.Text);
            SqliteParameter section = insert.Parameters.Add("$section", SqliteType.Text);
            SqliteParameter original = insert.Parameters.Add("$orig", SqliteType.Text);
            SqliteParameter corrected = insert.Parameters.Add("$correct", SqliteType.Text);
            SqliteParameter notes = insert.Parameters.Add("$notes", SqliteType.Text);
            SqliteParameter submitted = insert.Parameters.Add("$submitted", SqliteType.Text);
            SqliteParameter submitter = insert.Parameters.Add("$submitter", SqliteType.Text);
            SqliteParameter verifier = insert.Parameters.Add("$verifier", SqliteType.Text);
            SqliteParameter updated = insert.Parameters.Add("$updated", SqliteType.Text);
            insert.Prepare();
            foreach (ErrataRecord record in records)
            {
                id.Value = record.Id;
                number.Value = record.Rfc.Value;
                status.Value = record.StatusText;
                type.Value = record.TypeText;
                section.Value = record.Section;
                original.Value = record.OriginalText;
                corrected.Value = record.CorrectedText;
                notes.Value = record.Notes;
                submitted.Value = record.SubmitDate;
                submitter.Value = record.Submitter;
                verifier.Value = (object?)record.Verifier ?? DBNull.Value;
                updated.Value = (object?)record.UpdateDate ?? DBNull.Value;
                insert.ExecuteNonQuery();
            }

            using SqliteCommand sync = Command(
                """
                INSERT INTO errata_sync (url, etag, synced_at, records) VALUES ($url, $etag, $at, $records)
                ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, synced_at = excluded.synced_at, records = excluded.records;
                """,
                ("$url", state.Url),
                ("$etag", state.ETag),
                ("$at", FormatTime(state.SyncedAt)),
                ("$records", state.Records));
            sync.Transaction = transaction;
            sync.ExecuteNonQuery();
            transaction.Commit();
            return 0;
        });
    }

    /// <summary>What the last errata sync of <paramref name="url"/> recorded, or null.</summary>
    public ErrataSyncState? GetErrataSyncState(string url) => Run(() =>
    {
        ErrataSyncState? state = null;
        Rows("SELECT etag, synced_at, records FROM errata_sync WHERE url = $url;", [("$url", url)], row => state = new ErrataSyncState(url, row.Text(0), ParseTime(row.Text(1) ?? ""), row.Int(2)));
        return state;
    });

    /// <summary>Records that the errata at <paramref name="url"/> were confirmed unchanged (HTTP 304).</summary>
    public void MarkErrataUnchanged(string url, DateTimeOffset at) =>
        Run(() => Command("UPDATE errata_sync SET synced_at = $at WHERE url = $url;", ("$url", url), ("$at", FormatTime(at))).ExecuteNonQuery());

    /// <summary>True once any errata sync has completed (even one that found no records).</summary>
    public bool HasErrata() => Run(() =>
    {
        bool synced = false;
        Rows(StoreQueries.ErrataSynced, [], _ => synced = true);
        return synced;
    });

    /// <summary>How many errata are stored.</summary>
    public int CountErrata() => Run(() => (int)Scalar("SELECT count(*) FROM errata;", []));

    /// <summary>The errata of RFC <paramref name="number"/>, in no particular order.</summary>
    public IReadOnlyList<ErrataRecord> GetErrata(RfcNumber number) => Run(() =>
    {
        List<ErrataRecord> records = [];
        Rows(
            "SELECT id, status, type, section, orig_text, correct_text, notes, submit_date, submitter, verifier, update_date FROM errata WHERE number = $n;",
            [("$n", number.Value)],
            row => records.Add(new ErrataRecord
            {
                Id = row.Text(0) ?? "",
                Rfc = number,
                StatusText = row.Text(1) ?? "",
                TypeText = row.Text(2) ?? "",
                Section = row.Text(3) ?? "",
                OriginalText = row.Text(4) ?? "",
                CorrectedText = row.Text(5) ?? "",
                Notes = row.Text(6) ?? "",
                SubmitDate = row.Text(7) ?? "",
                Submitter = row.Text(8) ?? "",
                Verifier = row.Text(9),
                UpdateDate = row.Text(10),
            }));
        return (IReadOnlyList<ErrataRecord>)records;
    });

    /// <summary>The status and type of each erratum of RFC <paramref name="number"/> (for counts and notices, without the texts).</summary>
    public IReadOnlyList<(string Status, string Type)> GetErrataKinds(RfcNumber number) => Run(() =>
    {
        List<(string, string)> kinds = [];
        Rows(StoreQueries.ErrataKinds, [("$n", number.Value)], row => kinds.Add((row.Text(0) ?? "", row.Text(1) ?? "")));
        return (IReadOnlyList<(string Status, string Type)>)kinds;
    });
}
