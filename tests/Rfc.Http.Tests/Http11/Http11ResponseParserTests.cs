using System.Net;
using Rfc.Http.Http11;
using Rfc.Transport;
using Xunit;

namespace Rfc.Http.Tests.Http11;

public sealed class Http11ResponseParserTests
{
    private static Http11ResponseHead Parse(string text, out int consumed)
    {
        Assert.True(Http11ResponseParser.TryParseHead(Wire.Bytes(text), out Http11ResponseHead? head, out consumed));
        return head;
    }

    private static Http11ResponseHead Parse(string text) => Parse(text, out _);

    private static Http11ParseException Reject(string text) =>
        Assert.Throws<Http11ParseException>(() => Http11ResponseParser.TryParseHead(Wire.Bytes(text), out _, out _));

    [Fact]
    public void TryParseHead_ReturnsStatusReasonVersionAndHeadersInWireOrder_WhenHeadIsComplete()
    {
        const string text = "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nX-b: 2\r\nx-B: 1\r\n\r\n";

        Http11ResponseHead head = Parse(text, out int consumed);

        Assert.Equal(404, head.StatusCode);
        Assert.Equal("Not Found", head.ReasonPhrase);
        Assert.Equal(HttpVersion.Version11, head.Version);
        Assert.Equal([new("Content-Type", "text/plain"), new("X-b", "2"), new("x-B", "1")], head.Headers);
        Assert.Equal(text.Length, consumed);
    }

    [Fact]
    public void TryParseHead_ConsumesNothing_WhenHeadIsIncomplete()
    {
        byte[] wire = Wire.Bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nFolded: a\r\n b\r\n\r\n");

        for (int cut = 0; cut < wire.Length; cut++)
        {
            Assert.False(Http11ResponseParser.TryParseHead(wire.AsSpan(0, cut), out Http11ResponseHead? head, out int consumed));
            Assert.Null(head);
            Assert.Equal(0, consumed);
        }
    }

    [Fact]
    public void TryParseHead_ConsumesOnlyTheHead_WhenBodyFollows()
    {
        const string head = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n";

        Parse(head + "hello", out int consumed);

        Assert.Equal(head.Length, consumed);
    }

    [Theory]
    [InlineData("HTTP/1.1 200\r\n\r\n")]
    [InlineData("HTTP/1.1 200 \r\n\r\n")]
    public void TryParseHead_ReturnsEmptyReason_WhenReasonPhraseIsMissing(string text)
    {
        Http11ResponseHead head = Parse(text);

        Assert.Equal(200, head.StatusCode);
        Assert.Equal("", head.ReasonPhrase);
    }

    [Fact]
    public void TryParseHead_KeepsSpacesTabsAndObsTextInReason_WhenReasonHasThem()
    {
        Http11ResponseHead head = Parse("HTTP/1.1 200 A \tb\xff\r\n\r\n");

        Assert.Equal("A \tb\xff", head.ReasonPhrase);
    }

    [Theory]
    [InlineData("HTTP/1.0 200 OK\r\n\r\n", "1.0")]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n", "1.1")]
    [InlineData("HTTP/1.2 200 OK\r\n\r\n", "1.1")]
    [InlineData("HTTP/1.9 200 OK\r\n\r\n", "1.1")]
    public void TryParseHead_ReportsVersionItImplements_WhenVersionIsHttp1(string text, string expected)
    {
        Http11ResponseHead head = Parse(text);

        Assert.Equal(Version.Parse(expected), head.Version);
    }

    [Theory]
    [InlineData("HTTP/2.0 200 OK\r\n\r\n", Http11ParseError.UnsupportedVersion)]
    [InlineData("HTTP/0.9 200 OK\r\n\r\n", Http11ParseError.UnsupportedVersion)]
    [InlineData("HTTP/A.B 200 OK\r\n\r\n", Http11ParseError.InvalidStatusLine)]
    [InlineData("http/1.1 200 OK\r\n\r\n", Http11ParseError.InvalidStatusLine)]
    [InlineData("HTTP/01.1 200 OK\r\n\r\n", Http11ParseError.InvalidStatusLine)]
    [InlineData("HTTP/1.01 200 OK\r\n\r\n", Http11ParseError.InvalidStatusLine)]
    [InlineData("HTTP/1. 200 OK\r\n\r\n", Http11ParseError.InvalidStatusLine)]
    [InlineData("HTTP/1.1\t200 OK\r\n\r\n", Http11ParseError.InvalidStatusLine)]
    [InlineData("HTTP/1.1  200 OK\r\n\r\n", Http11ParseError.InvalidStatusCode)]
    [InlineData("HTTP/1.1 20 OK\r\n\r\n", Http11ParseError.InvalidStatusCode)]
    [InlineData("HTTP/1.1 2000 OK\r\n\r\n", Http11ParseError.InvalidStatusCode)]
    [InlineData("HTTP/1.1 20X OK\r\n\r\n", Http11ParseError.InvalidStatusCode)]
    [InlineData("HTTP/1.1 200X\r\n\r\n", Http11ParseError.InvalidStatusCode)]
    [InlineData("HTTP/1.1 099 OK\r\n\r\n", Http11ParseError.InvalidStatusCode)]
    [InlineData("HTTP/1.1 -20 OK\r\n\r\n", Http11ParseError.InvalidStatusCode)]
    [InlineData("HTTP/1.1 200 O\x00K\r\n\r\n", Http11ParseError.InvalidReasonPhrase)]
    [InlineData("HTTP/1.1 200 O\x7fK\r\n\r\n", Http11ParseError.InvalidReasonPhrase)]
    [InlineData("HTTP/1.1 200\rOK\r\n\r\n", Http11ParseError.BareCarriageReturn)]
    [InlineData("HTTP/1.1 200 OK\r\rX: y\r\n\r\n", Http11ParseError.BareCarriageReturn)]
    [InlineData("ICE/1.1 200 OK\r\n\r\n", Http11ParseError.InvalidStatusLine)]
    [InlineData("gibberish\r\n\r\n", Http11ParseError.InvalidStatusLine)]
    // The reason crosses as object: Http11ParseError is internal to Rfc.Http, and a theory method is public.
    public void TryParseHead_Rejects_WhenStatusLineIsInvalid(string text, object reason)
    {
        Http11ParseException e = Reject(text);

        Assert.Equal((Http11ParseError)reason, e.Reason);
    }

    [Fact]
    public void TryParseHead_AcceptsStatusCodesUpTo999_WhenThreeDigits()
    {
        Assert.Equal(100, Parse("HTTP/1.1 100 Continue\r\n\r\n").StatusCode);
        Assert.Equal(599, Parse("HTTP/1.1 599 X\r\n\r\n").StatusCode);
        Assert.Equal(999, Parse("HTTP/1.1 999 X\r\n\r\n").StatusCode);
    }

    [Theory]
    [InlineData("\x16\x03\x03\x00\x31")]
    [InlineData("\x00")]
    [InlineData("HTX")]
    [InlineData("\r\nX")]
    public void TryParseHead_RejectsBeforeHeadIsComplete_WhenBytesCannotBeHttp(string text)
    {
        Http11ParseException e = Reject(text);

        Assert.Equal(Http11ParseError.InvalidStatusLine, e.Reason);
    }

    [Fact]
    public void TryParseHead_RejectsBeforeHeadIsComplete_WhenStatusLineIsCompleteAndInvalid()
    {
        Http11ParseException e = Reject("HTTP/1.1 abc OK\r\nContent-Len");

        Assert.Equal(Http11ParseError.InvalidStatusCode, e.Reason);
    }

    [Theory]
    [InlineData("Name: value", "value")]
    [InlineData("Name:value", "value")]
    [InlineData("Name: \t value \t ", "value")]
    [InlineData("Name:", "")]
    [InlineData("Name:   ", "")]
    [InlineData("Name: a  b\tc", "a  b\tc")]
    [InlineData("Name: caf\xe9", "caf\xe9")]
    public void TryParseHead_TrimsOnlyOuterWhitespace_WhenValueHasSome(string line, string expected)
    {
        Http11ResponseHead head = Parse($"HTTP/1.1 200 OK\r\n{line}\r\n\r\n");

        Assert.Equal(expected, Assert.Single(head.Headers).Value);
    }

    [Theory]
    [InlineData("Name : value", Http11ParseError.WhitespaceBeforeColon)]
    [InlineData("Name\t: value", Http11ParseError.WhitespaceBeforeColon)]
    [InlineData("Na me: value", Http11ParseError.InvalidHeaderName)]
    [InlineData(": value", Http11ParseError.InvalidHeaderName)]
    [InlineData("Name value", Http11ParseError.InvalidHeaderName)]
    [InlineData("Na\x01me: value", Http11ParseError.InvalidHeaderName)]
    [InlineData("Na\x00me: value", Http11ParseError.InvalidHeaderName)]
    [InlineData("Na\"me: value", Http11ParseError.InvalidHeaderName)]
    [InlineData("N\xe9: value", Http11ParseError.InvalidHeaderName)]
    [InlineData("Name: va\x00lue", Http11ParseError.InvalidHeaderValue)]
    [InlineData("Name: va\x01lue", Http11ParseError.InvalidHeaderValue)]
    [InlineData("Name: va\x1flue", Http11ParseError.InvalidHeaderValue)]
    [InlineData("Name: va\x7flue", Http11ParseError.InvalidHeaderValue)]
    [InlineData("Name: va\rlue", Http11ParseError.BareCarriageReturn)]
    [InlineData(" Name: value", Http11ParseError.WhitespaceBeforeFirstHeader)]
    [InlineData("\tName: value", Http11ParseError.WhitespaceBeforeFirstHeader)]
    // The reason crosses as object: Http11ParseError is internal to Rfc.Http, and a theory method is public.
    public void TryParseHead_Rejects_WhenHeaderLineIsInvalid(string line, object reason)
    {
        Http11ParseException e = Reject($"HTTP/1.1 200 OK\r\n{line}\r\nOther: x\r\n\r\n");

        Assert.Equal((Http11ParseError)reason, e.Reason);
    }

    [Fact]
    public void TryParseHead_ShowsOffendingBytesEscaped_WhenRejecting()
    {
        Http11ParseException e = Reject("HTTP/1.1 200 OK\r\nFoo: a\u0001b\\c\r\n\r\n");

        Assert.Equal(@"Invalid byte in header value: 'Foo: a\x01b\x5Cc\x0D\x0A'", e.Message);
    }

    [Fact]
    public void TryParseHead_ReplacesEachObsFoldWithOneSpace_WhenValueContinuesOnNextLine()
    {
        Http11ResponseHead head = Parse("HTTP/1.1 200 OK\r\nA: one\r\n  two\r\n\tthree \r\n   \r\nB: x\r\n\r\n");

        Assert.Equal([new("A", "one two three"), new("B", "x")], head.Headers);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\nA: 1\nB: 2\n\n")]
    [InlineData("HTTP/1.1 200 OK\r\nA: 1\nB: 2\r\n\n")]
    [InlineData("HTTP/1.1 200 OK\nA: 1\r\nB: 2\n\r\n")]
    public void TryParseHead_AcceptsBareLf_WhenLinesEndWithIt(string text)
    {
        Http11ResponseHead head = Parse(text, out int consumed);

        Assert.Equal([new("A", "1"), new("B", "2")], head.Headers);
        Assert.Equal(text.Length, consumed);
    }

    [Fact]
    public void TryParseHead_SkipsEmptyLines_WhenTheyPrecedeStatusLine()
    {
        const string text = "\r\n\n\r\nHTTP/1.1 204 No Content\r\n\r\n";

        Http11ResponseHead head = Parse(text, out int consumed);

        Assert.Equal(204, head.StatusCode);
        Assert.Equal(text.Length, consumed);
    }

    [Fact]
    public void TryParseHead_Accepts_WhenHeadIsExactlyMaxHeadSize()
    {
        string text = HeadOfSize(Http11ResponseParser.MaxHeadSize);

        Parse(text + "body", out int consumed);

        Assert.Equal(Http11ResponseParser.MaxHeadSize, consumed);
    }

    [Fact]
    public void TryParseHead_RejectsHeadTooLarge_WhenHeadIsOneByteOverMaxHeadSize()
    {
        string text = HeadOfSize(Http11ResponseParser.MaxHeadSize + 1);

        Http11ParseException whole = Reject(text);
        Http11ParseException incomplete = Reject(text[..Http11ResponseParser.MaxHeadSize]);

        Assert.Equal(Http11ParseError.HeadTooLarge, whole.Reason);
        Assert.Equal(Http11ParseError.HeadTooLarge, incomplete.Reason);
    }

    [Fact]
    public void TryParseHead_NeedsMore_WhenIncompleteHeadIsJustUnderMaxHeadSize()
    {
        string text = HeadOfSize(Http11ResponseParser.MaxHeadSize);

        bool complete = Http11ResponseParser.TryParseHead(Wire.Bytes(text[..^1]), out _, out int consumed);

        Assert.False(complete);
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void TryParseHead_Accepts_WhenHeadHasMaxFieldCountFields()
    {
        Http11ResponseHead head = Parse(HeadWithFields(Http11ResponseParser.MaxFieldCount));

        Assert.Equal(Http11ResponseParser.MaxFieldCount, head.Headers.Count);
    }

    [Fact]
    public void TryParseHead_RejectsTooManyHeaders_WhenHeadHasOneFieldMoreThanMaxFieldCount()
    {
        Http11ParseException e = Reject(HeadWithFields(Http11ResponseParser.MaxFieldCount + 1));

        Assert.Equal(Http11ParseError.TooManyHeaders, e.Reason);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(102, true)]
    [InlineData(103, true)]
    [InlineData(199, true)]
    [InlineData(101, false)]
    [InlineData(200, false)]
    public void IsInterim_IsTrueOnlyForSkippable1xx_WhenStatusIsGiven(int status, bool interim)
    {
        Http11ResponseHead head = Parse($"HTTP/1.1 {status} X\r\n\r\n");

        Assert.Equal(interim, head.IsInterim);
    }

    [Fact]
    public void ToFetchException_WrapsAtHttpLayer_WhenParseFails()
    {
        Http11ParseException e = Reject("HTTP/1.1 20X OK\r\n\r\n");

        FetchException fetch = e.ToFetchException("www.rfc-editor.org:443");

        Assert.Equal(FetchLayer.Http, fetch.Layer);
        Assert.Same(e, fetch.InnerException);
        Assert.Contains("www.rfc-editor.org:443", fetch.Message, StringComparison.Ordinal);
        Assert.Contains(@"'HTTP/1.1 20X OK'", fetch.Message, StringComparison.Ordinal);
    }

    // A head of exactly `size` bytes: status line, one padded field, empty line.
    private static string HeadOfSize(int size)
    {
        const string start = "HTTP/1.1 200 OK\r\nX-Pad: ";
        const string end = "\r\n\r\n";
        return start + new string('a', size - start.Length - end.Length) + end;
    }

    private static string HeadWithFields(int count) =>
        "HTTP/1.1 200 OK\r\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"F{i}: {i}\r\n")) + "\r\n";
}
