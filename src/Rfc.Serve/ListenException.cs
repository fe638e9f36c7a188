namespace Rfc.Serve;

/// <summary>The server could not listen on the address it was given (in use, not an address of this machine, not permitted).</summary>
internal sealed class ListenException : Exception
{
    /// <summary>Creates the exception with a message that names the address and the reason.</summary>
    public ListenException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public ListenException() : this("cannot listen") { }

    /// <summary>Creates the exception with a message.</summary>
    public ListenException(string message) : this(message, null) { }
}
