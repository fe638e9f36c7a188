namespace Rfc.Storage;

/// <summary>The local store could not be opened, read or written; the message says what to do.</summary>
internal class StoreException : Exception
{
    /// <summary>Creates the exception with a message that says what to do.</summary>
    public StoreException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public StoreException() : base("the local store failed") { }

    /// <summary>Creates the exception.</summary>
    public StoreException(string message) : base(message) { }
}
