namespace Rfc;

/// <summary>A document source (<c>--source</c>, <c>RFC_SOURCE</c>) that cannot be used; the message names the bad part.</summary>
public sealed class InvalidSourceException : Exception
{
    /// <summary>Creates the exception with a message that names the bad part of the source.</summary>
    public InvalidSourceException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public InvalidSourceException() : base("invalid document source") { }

    /// <summary>Creates the exception with an inner cause.</summary>
    public InvalidSourceException(string message, Exception inner) : base(message, inner) { }
}
