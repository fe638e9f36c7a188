using Rfc.Http.Http11;
using Xunit;

namespace Rfc.Http.Tests.Http11;

public sealed class BodyFramingTests
{
    private static BodyFraming Determine(string head, string method = "GET")
    {
        Assert.True(Http11ResponseParser.TryParseHead(Wire.Bytes(head + "\r\n"), out Http11ResponseHead? parsed, out _));
        return BodyFraming.Determine(parsed, method);
    }

    private static Http11ParseError Reject(string head, string method = "GET") =>
        Assert.Throws<Http11ParseException>(() => Determine(head, method)).Reason;

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n", "HEAD")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n", "HEAD")]
    [InlineData("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n", "GET")]
    [InlineData("HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n", "GET")]
    [InlineData("HTTP/1.1 100 Continue\r\n", "GET")]
    [InlineData("HTTP/1.1 103 Early Hints\r\nContent-Length: 3\r\n", "GET")]
    public void Determine_ReturnsNoBody_WhenRequestIsHeadOrStatusHasNoContent(string head, string method)
    {
        BodyFraming framing = Determine(head, method);

        Assert.Equal(new BodyFraming(BodyFramingKind.None, 0, KeepAlive: true), framing);
    }

    [Fact]
    public void Determine_ReturnsNoBodyAndNoReuse_WhenStatusIs101()
    {
        BodyFraming framing = Determine("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nContent-Length: 4\r\n");

        Assert.Equal(new BodyFraming(BodyFramingKind.None, 0, KeepAlive: false), framing);
    }

    [Theory]
    [InlineData("Transfer-Encoding: chunked")]
    [InlineData("Transfer-Encoding: CHUNKED")]
    [InlineData("Transfer-Encoding: gzip, chunked")]
    [InlineData("Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked")]
    [InlineData("Transfer-Encoding: chunked ,")]
    public void Determine_ReturnsChunked_WhenChunkedIsTheFinalCoding(string field)
    {
        BodyFraming framing = Determine($"HTTP/1.1 200 OK\r\n{field}\r\n");

        Assert.Equal(new BodyFraming(BodyFramingKind.Chunked, 0, KeepAlive: true), framing);
    }

    [Theory]
    [InlineData("Transfer-Encoding: gzip")]
    [InlineData("Transfer-Encoding: chunked, gzip")]
    [InlineData("Transfer-Encoding: chunked\r\nTransfer-Encoding: identity")]
    [InlineData("Transfer-Encoding: chunkedchunked")]
    public void Determine_ReadsUntilClose_WhenFinalCodingIsNotChunked(string field)
    {
        BodyFraming framing = Determine($"HTTP/1.1 200 OK\r\n{field}\r\n");

        Assert.Equal(new BodyFraming(BodyFramingKind.CloseDelimited, 0, KeepAlive: false), framing);
    }

    [Fact]
    public void Determine_PrefersChunkedAndForbidsReuse_WhenContentLengthIsAlsoPresent()
    {
        BodyFraming framing = Determine("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n");

        Assert.Equal(new BodyFraming(BodyFramingKind.Chunked, 0, KeepAlive: false), framing);
    }

    [Fact]
    public void Determine_Rejects_WhenNonChunkedTransferEncodingMeetsContentLength()
    {
        Http11ParseError reason = Reject("HTTP/1.1 200 OK\r\nTransfer-Encoding: anything\r\nContent-Length: 1\r\n");

        Assert.Equal(Http11ParseError.TransferEncodingWithContentLength, reason);
    }

    [Fact]
    public void Determine_Rejects_WhenHttp10ResponseHasTransferEncoding()
    {
        Http11ParseError reason = Reject("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n");

        Assert.Equal(Http11ParseError.TransferEncodingInHttp10, reason);
    }

    [Theory]
    [InlineData("Content-Length: 0", 0)]
    [InlineData("Content-Length: 42", 42)]
    [InlineData("Content-Length: 007", 7)]
    [InlineData("Content-Length: 9223372036854775807", long.MaxValue)]
    [InlineData("Content-Length: 5\r\nContent-Length: 5", 5)]
    [InlineData("Content-Length: 5, 5", 5)]
    [InlineData("Content-Length: 5 ,5\r\nContent-Length: 5", 5)]
    public void Determine_ReturnsLength_WhenContentLengthIsValid(string field, long length)
    {
        BodyFraming framing = Determine($"HTTP/1.1 200 OK\r\n{field}\r\n");

        Assert.Equal(new BodyFraming(BodyFramingKind.ContentLength, length, KeepAlive: true), framing);
    }

    [Theory]
    [InlineData("Content-Length:", Http11ParseError.InvalidContentLength)]
    [InlineData("Content-Length: +1", Http11ParseError.InvalidContentLength)]
    [InlineData("Content-Length: -1", Http11ParseError.InvalidContentLength)]
    [InlineData("Content-Length: 1x", Http11ParseError.InvalidContentLength)]
    [InlineData("Content-Length: 0x10", Http11ParseError.InvalidContentLength)]
    [InlineData("Content-Length: 1 2", Http11ParseError.InvalidContentLength)]
    [InlineData("Content-Length: 1,", Http11ParseError.InvalidContentLength)]
    [InlineData("Content-Length: \xb9", Http11ParseError.InvalidContentLength)]
    [InlineData("Content-Length: 9223372036854775808", Http11ParseError.InvalidContentLength)]
    [InlineData("Content-Length: 18446744073709551616", Http11ParseError.InvalidContentLength)]
    [InlineData("Content-Length: 1\r\nContent-Length: 2", Http11ParseError.ConflictingContentLength)]
    [InlineData("Content-Length: 1, 2", Http11ParseError.ConflictingContentLength)]
    [InlineData("Content-Length: 1\r\nContent-Length: 1\r\nContent-Length: 2", Http11ParseError.ConflictingContentLength)]
    // The reason crosses as object: Http11ParseError is internal to Rfc.Http, and a theory method is public.
    public void Determine_Rejects_WhenContentLengthIsInvalid(string field, object expected)
    {
        Http11ParseError reason = Reject($"HTTP/1.1 200 OK\r\n{field}\r\n");

        Assert.Equal((Http11ParseError)expected, reason);
    }

    [Fact]
    public void Determine_RejectsInvalidContentLength_EvenWhenResponseHasNoBody()
    {
        Http11ParseError reason = Reject("HTTP/1.1 304 Not Modified\r\nContent-Length: 880\r\nContent-Length: 1\r\n");

        Assert.Equal(Http11ParseError.ConflictingContentLength, reason);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n", true)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nConnection: close\r\n", false)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nConnection: keep-alive, CLOSE\r\n", false)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nConnection: upgrade\r\n", true)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nProxy-Connection: close\r\n", true)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n", false)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 1\r\nConnection: Keep-Alive\r\n", true)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 1\r\nConnection: keep-alive\r\nConnection: close\r\n", false)]
    public void Determine_DecidesReuse_FromVersionAndConnectionOptions(string head, bool keepAlive)
    {
        BodyFraming framing = Determine(head);

        Assert.Equal(BodyFramingKind.ContentLength, framing.Kind);
        Assert.Equal(keepAlive, framing.KeepAlive);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\n")]
    [InlineData("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n")]
    public void Determine_ReadsUntilCloseWithoutReuse_WhenNoFramingFieldIsPresent(string head)
    {
        BodyFraming framing = Determine(head);

        Assert.Equal(new BodyFraming(BodyFramingKind.CloseDelimited, 0, KeepAlive: false), framing);
    }
}
