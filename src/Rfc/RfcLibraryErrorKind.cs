namespace Rfc;

/// <summary>What a <see cref="RfcLibraryException"/> is about.</summary>
public enum RfcLibraryErrorKind
{
    /// <summary>The source has no such document (HTTP 404 or 410).</summary>
    NotFound,

    /// <summary>The document is not in the local store and the read was not allowed to use the network.</summary>
    NotStored,

    /// <summary>The RFC Editor's index lists the number as "Not Issued".</summary>
    NotIssued,

    /// <summary>The local index has no entry for the number (it may be newer than the last sync).</summary>
    NotInIndex,

    /// <summary>The local index is empty: it was never synced.</summary>
    NoIndex,

    /// <summary>The document has no section by that number or title.</summary>
    NoSuchSection,

    /// <summary>No RFC in the local index belongs to the named sub-series (BCP, STD, FYI).</summary>
    NoSuchSubseries,

    /// <summary>No document is stored, so there is nothing to search.</summary>
    NoDocuments,

    /// <summary>A full-text or index query that the search engine cannot parse.</summary>
    InvalidQuery,

    /// <summary>The index URL answered something other than the index (a status other than 200 or 304).</summary>
    IndexUnavailable,

    /// <summary>What arrived from the index URL is not a usable RFC index (not XML or text, malformed, empty, too large).</summary>
    InvalidIndex,

    /// <summary>The source sent more than any RFC could be.</summary>
    DocumentTooLarge,

    /// <summary>A stored document's bytes no longer match the SHA-256 recorded when it was stored.</summary>
    ChecksumMismatch,

    /// <summary>The local store could not be opened, read or written.</summary>
    Store,

    /// <summary>The local store holds no errata: <c>rfc sync</c> has not brought them yet.</summary>
    NoErrata,

    /// <summary>The errata URL answered something other than 200 or 304.</summary>
    ErrataUnavailable,

    /// <summary>What the errata URL sent is not the errata file (malformed, truncated, too large).</summary>
    InvalidErrata,

    /// <summary>The document has no references section.</summary>
    NoReferences,
}
