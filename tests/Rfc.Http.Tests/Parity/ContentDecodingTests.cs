using System.IO.Compression;
using System.Text;
using Rfc.Testing;

namespace Rfc.Http.Tests.Parity;

/// <summary>
/// Content and transfer codings over both transports against a scripted server: what decodes, and what is
/// refused (issue 11 items 1 and 2, issue 9's decoding cases). A compressed body counts only when its stream ended.
/// </summary>
public sealed class ContentDecodingTests
{
    private static readonly byte[] s_document = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(1, 3000).Select(i => $"line {i} of a document that compresses well\n")));

    private static byte[] Compress(string coding, byte[] data)
    {
        using MemoryStream output = new();
        using (Stream encoder = coding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true),
            "zlib" => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true),
            _ => new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true),
        })
        {
            encoder.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Response(string head, byte[] body) => [.. Encoding.ASCII.GetBytes(head), .. body];

    private static byte[] Chunked(byte[] body) => [.. Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8.ToArray()];

    private static async Task<FetchOutcome> AgreeAsync(byte[] response)
    {
        await using ScriptedTcpServer server = ScriptedTcpServer.Respond(response);
        return await BothTransports.AgreeAsync(server.BaseUri, BothTransports.Options(), TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("zlib", "deflate")]
    [InlineData("raw", "deflate")]
    public async Task BothTransports_Decode_WhenCompressedBodyIsWhole(string format, string coding)
    {
        byte[] body = Compress(format, s_document);

        FetchOutcome outcome = await AgreeAsync(Response($"HTTP/1.1 200 OK\r\nContent-Encoding: {coding}\r\nContent-Length: {body.Length}\r\n\r\n", body));

        Assert.Equal(Encoding.ASCII.GetString(s_document), outcome.Body);
    }

    // Issue 11 item 1: half a compressed stream, with a Content-Length (or chunking) that matches the cut, was
    // accepted as the whole document.
    [Theory]
    [InlineData("gzip", "gzip", false, "the stream is cut short: no gzip trailer")]
    [InlineData("gzip", "gzip", true, "the stream is cut short: no gzip trailer")]
    [InlineData("zlib", "deflate", false, "the stream is cut short before its final block")]
    [InlineData("raw", "deflate", false, "the stream is cut short before its final block")]
    [InlineData("raw", "deflate", true, "the stream is cut short before its final block")]
    public async Task BothTransports_Refuse_WhenCompressedBodyIsCutShort(string format, string coding, bool chunked, string why)
    {
        byte[] whole = Compress(format, s_document);
        byte[] cut = whole[..(whole.Length / 2)];
        byte[] response = chunked
            ? Response($"HTTP/1.1 200 OK\r\nContent-Encoding: {coding}\r\nTransfer-Encoding: chunked\r\n\r\n", Chunked(cut))
            : Response($"HTTP/1.1 200 OK\r\nContent-Encoding: {coding}\r\nContent-Length: {cut.Length}\r\n\r\n", cut);

        FetchOutcome outcome = await AgreeAsync(response);

        Assert.Equal(4, outcome.ExitCode);
        Assert.EndsWith($"sent a corrupt {coding} body ({why})", outcome.Error);
    }

    [Fact]
    public async Task BothTransports_Refuse_WhenGzipTrailerIsMissingItsLastBytes()
    {
        byte[] whole = Compress("gzip", s_document);
        byte[] cut = whole[..^3];

        FetchOutcome outcome = await AgreeAsync(Response($"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: {cut.Length}\r\n\r\n", cut));

        Assert.Equal(4, outcome.ExitCode);
        Assert.Contains("sent a corrupt gzip body", outcome.Error);
    }

    [Fact]
    public async Task BothTransports_Refuse_WhenGzipBodyIsCorrupt()
    {
        byte[] body = Compress("gzip", s_document);
        body[body.Length / 2] ^= 0xFF;
        body[(body.Length / 2) + 1] ^= 0xFF;

        FetchOutcome outcome = await AgreeAsync(Response($"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: {body.Length}\r\n\r\n", body));

        Assert.Equal(4, outcome.ExitCode);
        Assert.Contains("sent a corrupt gzip body", outcome.Error);
    }

    [Fact]
    public async Task BothTransports_Refuse_WhenContentCodingIsUnsupported()
    {
        FetchOutcome outcome = await AgreeAsync("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: 4\r\n\r\nxxxx"u8.ToArray());

        Assert.Equal(4, outcome.ExitCode);
        Assert.EndsWith("sent the body with an unsupported content coding 'br'", outcome.Error);
    }

    [Fact]
    public async Task BothTransports_DecodeStackedCodings_InReverseOrder()
    {
        byte[] body = Compress("gzip", Compress("zlib", s_document));

        FetchOutcome outcome = await AgreeAsync(Response($"HTTP/1.1 200 OK\r\nContent-Encoding: deflate, gzip\r\nContent-Length: {body.Length}\r\n\r\n", body));

        Assert.Equal(Encoding.ASCII.GetString(s_document), outcome.Body);
    }

    // Issue 11 item 2: a transfer coding other than chunked was passed through, and the compressed bytes stored.
    [Theory]
    [InlineData("gzip", false)]
    [InlineData("gzip, chunked", true)]
    [InlineData("deflate, chunked", true)]
    public async Task BothTransports_DecodeTransferCodings_WhenWeImplementThem(string transferEncoding, bool chunked)
    {
        byte[] body = Compress(transferEncoding.StartsWith("gzip", StringComparison.Ordinal) ? "gzip" : "zlib", s_document);
        byte[] response = Response($"HTTP/1.1 200 OK\r\nTransfer-Encoding: {transferEncoding}\r\nConnection: close\r\n\r\n", chunked ? Chunked(body) : body);

        FetchOutcome outcome = await AgreeAsync(response);

        Assert.Equal(Encoding.ASCII.GetString(s_document), outcome.Body);
    }

    [Fact]
    public async Task BothTransports_Refuse_WhenTransferCodingIsUnknown()
    {
        FetchOutcome outcome = await AgreeAsync(Response("HTTP/1.1 200 OK\r\nTransfer-Encoding: br, chunked\r\n\r\n", Chunked("xxxx"u8.ToArray())));

        Assert.Equal(4, outcome.ExitCode);
        Assert.EndsWith("sent the body with an unsupported transfer coding 'br'", outcome.Error);
    }
}
