using Rfc.Documents;

namespace Rfc;

/// <summary>
/// A failure of the library itself rather than of the network: the document, the index, a section or the local store.
/// <see cref="Kind"/> says which, so a caller (the CLI's error reporter) can choose an exit code and a hint without
/// reading the message. Messages are the library's own words and never name a command-line flag or an environment
/// variable.
/// </summary>
public sealed class RfcLibraryException : Exception
{
    /// <summary>Creates an exception of <paramref name="kind"/>.</summary>
    public RfcLibraryException(RfcLibraryErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    /// <summary>Creates a <see cref="RfcLibraryErrorKind.Store"/> exception; prefer the constructor that names a kind.</summary>
    public RfcLibraryException() : this(RfcLibraryErrorKind.Store, "the local library failed") { }

    /// <summary>Creates a <see cref="RfcLibraryErrorKind.Store"/> exception; prefer the constructor that names a kind.</summary>
    public RfcLibraryException(string message) : this(RfcLibraryErrorKind.Store, message) { }

    /// <summary>Creates a <see cref="RfcLibraryErrorKind.Store"/> exception; prefer the constructor that names a kind.</summary>
    public RfcLibraryException(string message, Exception inner) : this(RfcLibraryErrorKind.Store, message, inner) { }

    /// <summary>What went wrong.</summary>
    public RfcLibraryErrorKind Kind { get; }

    /// <summary>The RFC concerned, when there is one.</summary>
    public RfcNumber? Number { get; init; }

    /// <summary>The HTTP status behind the failure, for <see cref="RfcLibraryErrorKind.NotFound"/> and <see cref="RfcLibraryErrorKind.IndexUnavailable"/>.</summary>
    public int? StatusCode { get; init; }

    /// <summary>True when the thing asked for does not exist (as opposed to a failure while getting it).</summary>
    public bool IsNotFound => Kind is RfcLibraryErrorKind.NotFound or RfcLibraryErrorKind.NotStored or RfcLibraryErrorKind.NotIssued
        or RfcLibraryErrorKind.NotInIndex or RfcLibraryErrorKind.NoIndex or RfcLibraryErrorKind.NoSuchSection
        or RfcLibraryErrorKind.NoSuchSubseries or RfcLibraryErrorKind.NoDocuments or RfcLibraryErrorKind.NoErrata
        or RfcLibraryErrorKind.NoReferences;
}
