namespace Rfc.Documents.Errata;

/// <summary>
/// The errata file is not the RFC Editor's errata JSON: malformed or truncated JSON, the wrong shape, or over a
/// size limit. The message says where (<see cref="BytePosition"/>) and what, in words built by the parser.
/// </summary>
internal sealed class ErrataFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ErrataFormatException(string message, long bytePosition, Exception? inner = null)
        : base(message, inner) => BytePosition = bytePosition;

    /// <summary>Creates the exception with no position.</summary>
    public ErrataFormatException()
    {
    }

    /// <summary>Creates the exception with no position.</summary>
    public ErrataFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no position.</summary>
    public ErrataFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The offset in the file where the problem was found, or -1.</summary>
    public long BytePosition { get; } = -1;
}
