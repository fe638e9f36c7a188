namespace Rfc.Storage;

/// <summary>
/// The store's schema as an ordered list of migrations; <c>PRAGMA user_version</c> records how many have
/// run. A migration is never edited once released: add a new one.
/// </summary>
internal static class Schema
{
    public static readonly string[] Migrations =
    [
        // 1: fetched documents, byte-exact, with what revalidation needs; their text for full-text search (dropped by 4).
        """
        CREATE TABLE documents (
            number        INTEGER PRIMARY KEY,
            content       BLOB    NOT NULL,
            size          INTEGER NOT NULL,
            sha256        TEXT    NOT NULL,
            etag          TEXT,
            last_modified TEXT,
            fetched_at    TEXT    NOT NULL,
            source        TEXT
        );
        CREATE VIRTUAL TABLE document_text USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2');
        """,

        // 2: the RFC Editor's index. One row per RFC number (issued or not); relations as the index states them
        // (the reverse direction is derived when read, because the index does not always list both ends);
        // sub-series members from BCP/STD/FYI entries; FTS5 over the text a person searches by, rowid = number;
        // and what the last sync of each index URL needs for a conditional request.
        """
        CREATE TABLE index_entries (
            number             INTEGER PRIMARY KEY,
            not_issued         INTEGER NOT NULL,
            title              TEXT    NOT NULL,
            authors            TEXT    NOT NULL,
            year               INTEGER,
            month              INTEGER,
            day                INTEGER,
            formats            TEXT    NOT NULL,
            pages              INTEGER,
            current_status     TEXT    NOT NULL,
            publication_status TEXT,
            stream             TEXT,
            area               TEXT,
            wg                 TEXT,
            keywords           TEXT    NOT NULL,
            abstract           TEXT,
            draft              TEXT,
            doi                TEXT,
            errata_url         TEXT,
            fingerprint        TEXT    NOT NULL
        );
        CREATE TABLE index_relations (
            from_number INTEGER NOT NULL,
            kind        TEXT    NOT NULL,
            target      TEXT    NOT NULL,
            PRIMARY KEY (from_number, kind, target)
        ) WITHOUT ROWID;
        CREATE INDEX index_relations_by_target ON index_relations (target, kind);
        CREATE TABLE subseries (
            id     TEXT NOT NULL,
            member TEXT NOT NULL,
            title  TEXT,
            PRIMARY KEY (id, member)
        ) WITHOUT ROWID;
        CREATE VIRTUAL TABLE index_text USING fts5(title, abstract, keywords, authors, tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE TABLE index_sync (
            url           TEXT PRIMARY KEY,
            etag          TEXT,
            last_modified TEXT,
            synced_at     TEXT    NOT NULL,
            entries       INTEGER NOT NULL
        );
        """,

        // 3: the RFC Editor's errata (errata.json), replaced whole by each sync, looked up by RFC (a rowid table:
        // the texts are large, which WITHOUT ROWID handles badly); and what the last
        // errata sync needs for a conditional request (the ETag exactly as the server sent it).
        """
        CREATE TABLE errata (
            id           TEXT    NOT NULL UNIQUE,
            number       INTEGER NOT NULL,
            status       TEXT    NOT NULL,
            type         TEXT    NOT NULL,
            section      TEXT    NOT NULL,
            orig_text    TEXT    NOT NULL,
            correct_text TEXT    NOT NULL,
            notes        TEXT    NOT NULL,
            submit_date  TEXT    NOT NULL,
            submitter    TEXT    NOT NULL,
            verifier     TEXT,
            update_date  TEXT
        );
        CREATE INDEX errata_by_number ON errata (number);
        CREATE TABLE errata_sync (
            url       TEXT PRIMARY KEY,
            etag      TEXT,
            synced_at TEXT    NOT NULL,
            records   INTEGER NOT NULL
        );
        """,

        // 4: the document's text is no longer kept a second time for full-text search. The full-text index is
        // derived data in its own files (FullTextIndex), built from these bytes after they are stored; a store
        // from before this migration keeps every document and its synced index, and its full-text index is
        // rebuilt from the documents on the next full-text search or 'rfc index'. The covering index answers
        // "which documents, with which checksums" (list, the index's coverage check) without reading the
        // documents' bytes: the columns after content sit behind its overflow pages.
        """
        DROP TABLE IF EXISTS document_text;
        CREATE INDEX documents_summary ON documents (number, sha256, size, fetched_at);
        """,

        // 5 (search helper, self-contained): the index's title and keyword vocabulary with frequencies, so a misspelt
        // word is corrected by a lookup of the few words that could be it (by length and letter set) instead of a
        // scan of every title. Derived from index_entries: refilled by every sync that changes the index
        // (IndexUpdate.Commit); a store migrated from 4 fills it on its first misspelt search.
        """
        CREATE TABLE index_vocabulary (
            word   TEXT    PRIMARY KEY,
            length INTEGER NOT NULL,
            mask   INTEGER NOT NULL,
            count  INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX index_vocabulary_by_length ON index_vocabulary (length, mask, count);
        -- Every index search first asks whether an index is synced (count(*) of index_entries). Without an index
        -- SQLite counts by reading the whole table, abstracts and all (measured: 2.1 ms cold on the text index);
        -- it counts from the smallest index instead (0.4 ms), which this is, and --status filters by it too.
        CREATE INDEX index_entries_by_status ON index_entries (current_status);
        """,

        // 6 (search helper, self-contained): what ranking needs of each issued entry's relations, one row each, so a
        // search does not run five correlated subqueries per candidate. Derived from index_entries and
        // index_relations: refilled by every sync that changes the index (IndexUpdate.Commit) and filled here from
        // the index a store already holds. Replaced by index_rank (8).
        """
        CREATE TABLE index_standing (
            number     INTEGER PRIMARY KEY,
            obsoleted  INTEGER NOT NULL,
            updated_by INTEGER NOT NULL,
            subseries  INTEGER NOT NULL
        );
        DELETE FROM index_standing;
        INSERT INTO index_standing (number, obsoleted, updated_by, subseries)
        SELECT e.number,
            EXISTS (SELECT 1 FROM index_relations r WHERE r.from_number = e.number AND r.kind = 'obsoleted-by')
                OR EXISTS (SELECT 1 FROM index_relations r WHERE r.target = 'RFC' || e.number AND r.kind = 'obsoletes'),
            max((SELECT count(*) FROM index_relations r WHERE r.from_number = e.number AND r.kind = 'updated-by'),
                (SELECT count(*) FROM index_relations r WHERE r.target = 'RFC' || e.number AND r.kind = 'updates')),
            EXISTS (SELECT 1 FROM index_relations r WHERE r.from_number = e.number AND r.kind = 'is-also')
        FROM index_entries e WHERE e.not_issued = 0;
        """,

        // 7 (search helper): what acronyms stand for in the index's titles, with how many titles say so
        // (TitleAcronyms), so a search looks a word up instead of reading every title that contains it. Derived from
        // index_entries: refilled by every sync that changes the index (IndexUpdate.Commit); filled after this step
        // for a store that already holds an index (RfcStore.Migrate, AcronymsSchema).
        """
        CREATE TABLE index_acronyms (
            term      TEXT    NOT NULL,
            expansion TEXT    NOT NULL,
            count     INTEGER NOT NULL,
            PRIMARY KEY (term, expansion)
        ) WITHOUT ROWID;
        """,

        // 8 (search helper, replaces index_standing): one narrow row per issued entry with all an index search reads of
        // it (title, keywords, status, stream, date, working group, and index_standing's relations), so a search reads
        // these rows instead of index_entries', whose abstracts spread a few hundred candidates over most of the
        // file's pages (the XML index's entries fill 1,874 pages; a search for sip read 232 of them for the titles
        // alone, against 42 here). Derived from index_entries and index_relations: refilled by every sync that
        // changes the index (IndexUpdate.Commit) and filled here from the index a store already holds. And index_text
        // merged into one segment, as every sync that changes entries now leaves it (RfcStore.OptimizeTextSql).
        """
        DROP TABLE IF EXISTS index_standing;
        CREATE TABLE index_rank (
            number         INTEGER PRIMARY KEY,
            title          TEXT    NOT NULL,
            keywords       TEXT    NOT NULL,
            current_status TEXT    NOT NULL,
            stream         TEXT,
            year           INTEGER,
            month          INTEGER,
            day            INTEGER,
            wg             TEXT,
            obsoleted      INTEGER NOT NULL,
            updated_by     INTEGER NOT NULL,
            subseries      INTEGER NOT NULL
        );
        """ + RfcStore.RefillRankSql + RfcStore.OptimizeTextSql,

        // 9 (search helper): the current versions of each obsoleted RFC, the ends of its obsoleted-by chain, so a
        // search reads them with its candidates: ranking gives a replacement the name of the RFC it replaces ("Virtual
        // Router Redundancy Protocol", obsoleted, for "… (VRRP) Version 3 for IPv4 and IPv6"), and the results show it
        // without walking the chain hit by hit. Derived from index_relations: refilled by every sync that changes the
        // index (IndexUpdate.Commit) and filled here from the index a store already holds.
        """
        CREATE TABLE index_current (
            number INTEGER PRIMARY KEY,
            ends   TEXT    NOT NULL
        );
        """ + RfcStore.RefillCurrentSql,
    ];

    /// <summary>The schema version whose step made <c>index_acronyms</c>: a migration past it fills the table in C#.</summary>
    public const int AcronymsSchema = 7;
}
