using Rfc.Http.Http11;

namespace Rfc.Http.Tests.Http11;

/// <summary>
/// What the client made of one response: the final head and decoded body, or the error (the parser's reason
/// when the parser rejected the bytes, otherwise the error's line). Plain strings so that record equality
/// compares outcomes from different ways of feeding the same bytes.
/// </summary>
internal sealed record ClientOutcome(
    int Status,
    string ReasonPhrase,
    string Version,
    string Headers,
    string Body,
    BodyFramingKind Framing,
    bool KeepAlive,
    string? Error)
{
    public bool IsOk => Error is null;

    public IReadOnlyList<KeyValuePair<string, string>> HeaderList { get; init; } = [];

    public byte[] BodyBytes { get; init; } = [];

    public string? ErrorMessage { get; init; }

    /// <summary>The parser's reason, when the bytes were rejected as malformed HTTP.</summary>
    public Http11ParseError? Reason { get; init; }

    public static ClientOutcome Failed(Rfc.Transport.FetchException e)
    {
        Http11ParseError? reason = (e.InnerException as Http11ParseException)?.Reason;
        return new(0, "", "", "", "", BodyFramingKind.None, false, reason?.ToString() ?? e.Message) { ErrorMessage = e.Message, Reason = reason };
    }

    // HeaderList, BodyBytes and ErrorMessage are views for assertions; equality is on the positional members.
    public bool Equals(ClientOutcome? other) =>
        other is not null && Status == other.Status && ReasonPhrase == other.ReasonPhrase && Version == other.Version
        && Headers == other.Headers && Body == other.Body && Framing == other.Framing && KeepAlive == other.KeepAlive
        && Error == other.Error;

    public override int GetHashCode() => HashCode.Combine(Status, Headers, Body, Error);

    public override string ToString() => IsOk
        ? $"{Version} {Status} {ReasonPhrase} [{Headers.Replace("\n", "; ", StringComparison.Ordinal)}] {Framing} keepAlive={KeepAlive} body={Body}"
        : $"error {Error}: {ErrorMessage}";
}

internal static class ClientOutcomeExtensions
{
    public static string BodyText(this ClientOutcome outcome) => System.Text.Encoding.Latin1.GetString(outcome.BodyBytes);
}
