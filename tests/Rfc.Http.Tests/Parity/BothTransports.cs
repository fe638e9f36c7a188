using Rfc.Http.Http11;
using Rfc.Transport;

namespace Rfc.Http.Tests.Parity;

/// <summary>What a transport made of one fetch: the status and whole decoded body, or the error.</summary>
internal sealed record FetchOutcome(int Status, string Body, string? Error, FetchLayer? Layer, bool IsTimeout)
{
    /// <summary>The exit code the CLI gives this outcome (the README's table: 3 network, 4 protocol).</summary>
    public int ExitCode => Error is null ? 0 : Layer is FetchLayer.NameResolution or FetchLayer.Tcp or FetchLayer.Tls || IsTimeout ? 3 : 4;

    public override string ToString() => Error is null ? $"{Status} body={Body.Length} bytes" : $"exit {ExitCode}: {Error}";
}

/// <summary>Runs one fetch through either transport, by the names the CLI uses.</summary>
internal static class BothTransports
{
    public static TheoryData<string> Names => new() { "http", "socket" };

    public static HttpTransportOptions Options(TimeSpan? readTimeout = null, Func<string, string?>? environment = null) => new()
    {
        Environment = environment ?? (_ => null),
        ReadTimeout = readTimeout ?? TimeSpan.FromSeconds(10),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    public static IHttpTransport Create(string name, HttpTransportOptions options) =>
        name == "http" ? new HttpClientTransport(options) : new SocketHttpTransport(options);

    public static async Task<FetchOutcome> FetchAsync(string transport, Uri uri, HttpTransportOptions options, CancellationToken cancellationToken)
    {
        await using IHttpTransport client = Create(transport, options);
        try
        {
            await using FetchResponse response = await client.SendAsync(new FetchRequest(uri), cancellationToken);
            using MemoryStream body = new();
            await response.Content.CopyToAsync(body, cancellationToken);
            return new FetchOutcome(response.StatusCode, System.Text.Encoding.Latin1.GetString(body.ToArray()), null, null, false);
        }
        catch (FetchException e)
        {
            return new FetchOutcome(0, "", e.Message, e.Layer, e.IsTimeout);
        }
    }

    /// <summary>Fetches with both transports and requires the same outcome; returns it.</summary>
    public static async Task<FetchOutcome> AgreeAsync(Uri uri, HttpTransportOptions options, CancellationToken cancellationToken)
    {
        FetchOutcome http = await FetchAsync("http", uri, options, cancellationToken);
        FetchOutcome socket = await FetchAsync("socket", uri, options, cancellationToken);
        Assert.Equal(http, socket);
        return socket;
    }
}
