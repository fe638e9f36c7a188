namespace Rfc.Documents.References;

/// <summary>The text given to <see cref="ReferenceParser"/> is over one of its limits; the message says which.</summary>
internal sealed class ReferenceFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReferenceFormatException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ReferenceFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ReferenceFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
