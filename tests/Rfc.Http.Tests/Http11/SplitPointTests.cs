using Rfc.Http.Http11;
using Xunit;

namespace Rfc.Http.Tests.Http11;

/// <summary>
/// Kestrel's prefix style, for a whole client: every input, cut at every position and delivered in pieces of
/// every size, must give exactly the outcome of the whole input.
/// </summary>
public sealed class SplitPointTests
{
    public static TheoryData<string, string> Inputs => new()
    {
        { "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", "GET" },
        { "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel", "GET" },
        { "HTTP/1.0 200 OK\r\nServer: x\r\n\r\nuntil the close", "GET" },
        { "HTTP/1.1 200 OK\nA: 1\n folded\n\nbody", "GET" },
        { "\r\nHTTP/1.1 204 No Content\r\n\r\ntrailing", "GET" },
        { "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", "GET" },
        { "HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n", "HEAD" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;a=\"b;c\"\r\nhello\r\n10\r\n, world 01234567\r\n0\r\nT: 1\r\n\r\nNEXT", "GET" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", "GET" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloX\r\n0\r\n\r\n", "GET" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff1\r\n", "GET" },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2 x\r\nab\r\n0\r\n\r\n", "GET" },
        { "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", "GET" },
        { "HTTP/1.1 200 OK\r\nFoo: a\u0000b\r\n\r\n", "GET" },
        { "HTTP/1.1 200 OK\r\nFoo : b\r\n\r\n", "GET" },
        { "HTTP/1.1 20X OK\r\n\r\n", "GET" },
        { "HTTP/1.1 200 OK\r\rX: y\r\n\r\n", "GET" },
        { "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", "GET" },
        { "", "GET" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Client_GivesSameOutcome_WhenResponseArrivesInAnyPieces(string text, string method)
    {
        byte[] raw = Wire.Bytes(text);

        ClientOutcome whole = await Pieces.AssertSameOutcomeForEverySplitAsync(raw, method);

        Assert.NotNull(whole);
    }

    [Fact]
    public async Task Client_GivesSameOutcome_WhenHeadCrossesMaxHeadSizeInPieces()
    {
        byte[] raw = Wire.Bytes("HTTP/1.1 200 OK\r\nX-Pad: " + new string('a', Http11ResponseParser.MaxHeadSize) + "\r\n\r\n");
        ClientOutcome whole = await ConnectionClient.RunAsync(raw);

        foreach (int size in (int[])[1000, 4096, Http11ResponseParser.MaxHeadSize - 1, Http11ResponseParser.MaxHeadSize])
        {
            Assert.Equal(whole, await ConnectionClient.RunAsync(Pieces.OfSize(raw, size)));
        }

        Assert.Equal(Http11ParseError.HeadTooLarge, whole.Reason);
    }

    [Fact]
    public async Task Client_ReportsExpectedOutcomes_ForTheSplitInputs()
    {
        // Guards the theory above against comparing outcomes that are all errors (or all the same).
        Assert.Equal("hello", (await RunAsync("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")).BodyText());
        Assert.Equal(HttpErrors.BodyIncomplete(new Uri("http://test.invalid/")).Message, (await RunAsync("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel")).Error);
        Assert.Equal("hello, world 01234567", (await RunAsync("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;a=\"b;c\"\r\nhello\r\n10\r\n, world 01234567\r\n0\r\nT: 1\r\n\r\nNEXT")).BodyText());
        Assert.Equal(200, (await RunAsync("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")).Status);
        Assert.Equal(HttpErrors.NoResponse(new Uri("http://test.invalid/")).Message, (await RunAsync("")).Error);
        Assert.Equal(Http11ParseError.InvalidStatusLine, (await RunAsync("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03")).Reason);
    }

    private static Task<ClientOutcome> RunAsync(string text) => ConnectionClient.RunAsync(Wire.Bytes(text));
}
