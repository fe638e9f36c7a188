namespace Rfc.Documents.Index;

/// <summary>
/// An index that cannot be the RFC index: a line or an entry longer than any real one. The parsers refuse it
/// whole instead of spending time on it; the message says what was too long and where.
/// </summary>
internal sealed class IndexFormatException : Exception
{
    /// <summary>Creates the exception with a message that names what was wrong.</summary>
    public IndexFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public IndexFormatException()
        : this("the index is malformed")
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public IndexFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
