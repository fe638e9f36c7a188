using Rfc.Transport;

namespace Rfc.Http.Http11;

/// <summary>
/// The only exception the HTTP/1.1 parser, framing rules and chunked decoder throw: a
/// <see cref="Http11ParseError"/> and a message that shows the offending bytes escaped
/// (<c>\x0D</c> for CR), like Kestrel's bad-request messages.
/// </summary>
internal sealed class Http11ParseException : Exception
{
    /// <summary>Creates an exception for <paramref name="reason"/>.</summary>
    public Http11ParseException(Http11ParseError reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates an exception without a reason; prefer the constructor that names one.</summary>
    public Http11ParseException() : this(Http11ParseError.InvalidStatusLine, "invalid HTTP/1.1 response") { }

    /// <summary>Creates an exception without a reason; prefer the constructor that names one.</summary>
    public Http11ParseException(string message) : this(Http11ParseError.InvalidStatusLine, message) { }

    /// <summary>Creates an exception without a reason; prefer the constructor that names one.</summary>
    public Http11ParseException(string message, Exception inner) : base(message, inner)
    {
        Reason = Http11ParseError.InvalidStatusLine;
    }

    /// <summary>Why the response was rejected.</summary>
    public Http11ParseError Reason { get; }

    /// <summary>
    /// Wraps this error as the transport's <see cref="FetchException"/> at <see cref="FetchLayer.Http"/>,
    /// naming <paramref name="authority"/> (<c>host:port</c>) and keeping this exception as the inner one.
    /// </summary>
    public FetchException ToFetchException(string authority) =>
        new(FetchLayer.Http, $"invalid HTTP response from {authority}: {Message}", this);
}
