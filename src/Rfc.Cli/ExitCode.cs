namespace Rfc.Cli;

/// <summary>The exit codes of rfc: a contract, documented in the README (STYLE.md's table).</summary>
internal enum ExitCode
{
    /// <summary>Success.</summary>
    Success = 0,

    /// <summary>No such RFC: HTTP 404, or "not issued" in the index.</summary>
    NotFound = 1,

    /// <summary>Bad arguments or options; the message says which and shows usage.</summary>
    Usage = 2,

    /// <summary>Name resolution, TCP connect, TLS, or a timeout in any of them.</summary>
    Network = 3,

    /// <summary>Malformed HTTP, an unexpected status, too many redirects.</summary>
    Protocol = 4,

    /// <summary>The store or a file could not be read or written, or a stored document fails its checksum.</summary>
    Local = 5,

    /// <summary>A bug in rfc: the line says so and asks for a report; the stack only with <c>--verbose</c>.</summary>
    Internal = 70,

    /// <summary>Interrupted by Ctrl+C.</summary>
    Interrupted = 130,
}
