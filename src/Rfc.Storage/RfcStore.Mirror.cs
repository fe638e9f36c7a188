using Microsoft.Data.Sqlite;
using Rfc.Documents;

namespace Rfc.Storage;

/// <summary>What the mirror asks of the index.</summary>
internal sealed partial class RfcStore
{
    /// <summary>
    /// Issued RFCs from <paramref name="first"/> to <paramref name="last"/> that the index says exist as
    /// plain text: PDF-only RFCs (8, 9, 51, …) have no <c>rfcN.txt</c>, so asking for them would only
    /// produce 404s. An entry with no formats listed is included.
    /// </summary>
    public IReadOnlyList<RfcNumber> GetMirrorableNumbers(int first, int last) => Run(() =>
    {
        List<RfcNumber> numbers = [];
        using SqliteCommand command = Command(
            """
            SELECT number, formats FROM index_entries
            WHERE not_issued = 0 AND number BETWEEN $first AND $last
            ORDER BY number;
            """,
            ("$first", first),
            ("$last", last));
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            string formats = reader.GetString(1);
            if (formats.Length == 0 || formats.Split(',').Any(f => f.Trim().ToUpperInvariant() is "TXT" or "TEXT" or "ASCII"))
            {
                numbers.Add(new RfcNumber(reader.GetInt32(0)));
            }
        }

        return (IReadOnlyList<RfcNumber>)numbers;
    });
}
