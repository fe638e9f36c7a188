namespace Rfc.Storage;

/// <summary>A search query that SQLite's FTS5 cannot parse; the message names the problem. A usage error, not a store failure.</summary>
internal sealed class SearchQueryException : Exception
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    public SearchQueryException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public SearchQueryException() : base("invalid search query") { }

    /// <summary>Creates the exception.</summary>
    public SearchQueryException(string message) : base(message) { }
}
