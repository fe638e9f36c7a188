namespace Rfc.Storage;

/// <summary>
/// The SQL that <see cref="RfcStore"/> (Microsoft.Data.Sqlite) and the cached read's <see cref="StoreReader"/>
/// (SQLite's C API) both run, written once so the two paths cannot drift apart (as <see cref="DocumentRow"/> does for
/// documents). Parameters are bound by name in the store and by index (in order of appearance) in the reader.
/// </summary>
internal static class StoreQueries
{
    /// <summary>
    /// The RFCs that obsolete <c>$n</c>, by its own entry or by theirs, as doc-ids; <c>$id</c> is <c>RFC</c> + <c>$n</c>.
    /// UNION ALL: one RFC named both ways comes twice, which <see cref="ObsoletedByChain"/> ignores, and UNION would
    /// build a temporary b-tree to remove it (for each obsolete search hit, each step of its chain).
    /// </summary>
    public const string ObsoletedBy = """
        SELECT target FROM index_relations WHERE from_number = $n AND kind = 'obsoleted-by'
        UNION ALL SELECT 'RFC' || from_number FROM index_relations WHERE target = $id AND kind = 'obsoletes';
        """;

    /// <summary>A row when errata were ever synced, none before.</summary>
    public const string ErrataSynced = "SELECT 1 FROM errata_sync LIMIT 1;";

    /// <summary>The status and type of each erratum of RFC <c>$n</c>.</summary>
    public const string ErrataKinds = "SELECT status, type FROM errata WHERE number = $n;";
}
