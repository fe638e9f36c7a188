namespace Rfc.Storage;

/// <summary>
/// The store's schema as an ordered list of migrations; <c>PRAGMA user_version</c> records how many have
/// run. A migration is never edited once released: add a new one.
/// </summary>
internal static class Schema
{
    public static readonly string[] Migrations =
    [
        // 1: fetched documents, byte-exact, with what revalidation needs; their text for full-text search.
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
    ];
}
