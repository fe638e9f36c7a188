using System.Buffers;
using Rfc.Http.Http11;
using Xunit;

namespace Rfc.Http.Tests.Http11;

public sealed class ChunkedDecoderTests
{
    // Decodes a whole chunked body with Decode into a small destination; returns the body and how many bytes were consumed.
    private static (string Body, int Consumed, bool Complete) ReadAll(string chunked)
    {
        byte[] wire = Wire.Bytes(chunked);
        ChunkedDecoder decoder = new();
        List<byte> body = [];
        byte[] destination = new byte[7];
        int position = 0;
        while (position < wire.Length && !decoder.IsComplete)
        {
            OperationStatus status = decoder.Decode(wire.AsSpan(position), destination, out int used, out int written);
            Assert.True(used > 0 || written > 0 || status == OperationStatus.Done);
            body.AddRange(destination.AsSpan(0, written));
            position += used;
            if (status == OperationStatus.NeedMoreData)
            {
                break;
            }
        }

        Assert.Equal(body.Count, decoder.BodyLength);
        return (System.Text.Encoding.Latin1.GetString([.. body]), position, decoder.IsComplete);
    }

    private static Http11ParseError Reject(string chunked) =>
        Assert.Throws<Http11ParseException>(() => ReadAll(chunked)).Reason;

    [Fact]
    public void Read_ReturnsBodyAndCompletes_WhenChunksEndWithLastChunk()
    {
        (string body, int consumed, bool complete) = ReadAll("5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n");

        Assert.Equal("hello, world", body);
        Assert.True(complete);
        Assert.Equal(27, consumed);
    }

    [Fact]
    public void Read_LeavesFollowingBytesUnconsumed_WhenBodyIsComplete()
    {
        const string chunked = "1\r\na\r\n0\r\n\r\n";

        (_, int consumed, _) = ReadAll(chunked + "HTTP/1.1 200 OK\r\n");

        Assert.Equal(chunked.Length, consumed);
    }

    [Fact]
    public void Decode_StopsAtTheDestinationsEnd_WhenChunkDataIsLonger()
    {
        byte[] wire = Wire.Bytes("a\r\n0123456789\r\n0\r\n\r\n");
        ChunkedDecoder decoder = new();
        byte[] destination = new byte[4];

        OperationStatus status = decoder.Decode(wire, destination, out int used, out int written);

        Assert.Equal((OperationStatus.DestinationTooSmall, 7, 4), (status, used, written));
        Assert.Equal("0123"u8.ToArray(), destination);
        Assert.False(decoder.IsComplete);
    }

    [Theory]
    [InlineData("A\r\n0123456789\r\n0\r\n\r\n")]
    [InlineData("0000000000000000a\r\n0123456789\r\n0\r\n\r\n")]
    [InlineData("a;name\r\n0123456789\r\n0\r\n\r\n")]
    [InlineData("a;name=value;other=\"quoted; \\\"string\\\"\"\r\n0123456789\r\n0\r\n\r\n")]
    [InlineData("a ; name = value ;x\r\n0123456789\r\n0;last=1\r\n\r\n")]
    [InlineData("a\r\n0123456789\r\n0\r\nExpires: never\r\nX-Sum: 1\r\n  folded\r\n\r\n")]
    public void Read_IgnoresExtensionsAndTrailers_WhenTheyAreWellFormed(string chunked)
    {
        (string body, int consumed, bool complete) = ReadAll(chunked);

        Assert.Equal("0123456789", body);
        Assert.True(complete);
        Assert.Equal(chunked.Length, consumed);
    }

    [Theory]
    [InlineData("\r\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkSize)]
    [InlineData("z\r\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkSize)]
    [InlineData("1x\r\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkSize)]
    [InlineData("-1\r\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkSize)]
    [InlineData("0x1\r\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkSize)]
    [InlineData(" 1\r\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkSize)]
    [InlineData("8000000000000000\r\n", Http11ParseError.ChunkSizeTooLarge)]
    [InlineData("ffffffffffffffff\r\n", Http11ParseError.ChunkSizeTooLarge)]
    [InlineData("1ffffffffffffffff\r\n", Http11ParseError.ChunkSizeTooLarge)]
    [InlineData("1 \r\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkExtension)]
    [InlineData("1 x\r\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkExtension)]
    [InlineData("1;\r\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkExtension)]
    [InlineData("1;=v\r\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkExtension)]
    [InlineData("1;a=\r\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkExtension)]
    [InlineData("1;a=\"open\r\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkExtension)]
    [InlineData("1;a=\"x\"y\r\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkExtension)]
    [InlineData("1;a\x01\r\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkExtension)]
    [InlineData("1\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkSize)]
    [InlineData("1;\na\r\n0\r\n\r\n", Http11ParseError.InvalidChunkExtension)]
    [InlineData("1\rXa\r\n0\r\n\r\n", Http11ParseError.InvalidChunkTerminator)]
    [InlineData("1\r\naX\r\n0\r\n\r\n", Http11ParseError.InvalidChunkTerminator)]
    [InlineData("1\r\na\n0\r\n\r\n", Http11ParseError.InvalidChunkTerminator)]
    [InlineData("1\r\na\rX0\r\n\r\n", Http11ParseError.InvalidChunkTerminator)]
    [InlineData("0\r\n\n", Http11ParseError.InvalidTrailer)]
    [InlineData("0\r\n\rX", Http11ParseError.InvalidTrailer)]
    [InlineData("0\r\n a: b\r\n\r\n", Http11ParseError.InvalidTrailer)]
    [InlineData("0\r\na b: c\r\n\r\n", Http11ParseError.InvalidTrailer)]
    [InlineData("0\r\na: b\x00\r\n\r\n", Http11ParseError.InvalidTrailer)]
    [InlineData("0\r\na: b\nc: d\r\n\r\n", Http11ParseError.InvalidTrailer)]
    // The reason crosses as object: Http11ParseError is internal to Rfc.Http, and a theory method is public.
    public void Read_Rejects_WhenFramingIsInvalid(string chunked, object expected)
    {
        Http11ParseError reason = Reject(chunked);

        Assert.Equal((Http11ParseError)expected, reason);
    }

    [Fact]
    public void Read_AcceptsLargestChunkSize_WhenItFitsMaxChunkSize()
    {
        ChunkedDecoder decoder = new();
        byte[] destination = new byte[16];

        OperationStatus status = decoder.Decode("7fffffffffffffff\r\nab"u8, destination, out int used, out int written);

        Assert.Equal((OperationStatus.NeedMoreData, 20, 2), (status, used, written));
    }

    [Fact]
    public void Read_RejectsLongLine_WhenChunkLineExceedsMaxChunkLineLength()
    {
        string extension = ";" + new string('x', ChunkedDecoder.MaxChunkLineLength);

        Http11ParseError reason = Reject($"1{extension}\r\na\r\n0\r\n\r\n");

        Assert.Equal(Http11ParseError.ChunkLineTooLong, reason);
    }

    [Fact]
    public void Read_AcceptsLongLine_WhenChunkLineIsExactlyMaxChunkLineLength()
    {
        // The limit counts the size and extensions, not the CRLF.
        string extension = ";" + new string('x', ChunkedDecoder.MaxChunkLineLength - 2);

        (string body, _, bool complete) = ReadAll($"1{extension}\r\na\r\n0\r\n\r\n");

        Assert.Equal("a", body);
        Assert.True(complete);
    }

    [Fact]
    public void Read_RejectsTrailers_WhenMoreThanMaxFieldCount()
    {
        string trailers = string.Concat(Enumerable.Range(0, Http11ResponseParser.MaxFieldCount + 1).Select(i => $"T{i}: x\r\n"));

        Http11ParseError reason = Reject($"0\r\n{trailers}\r\n");

        Assert.Equal(Http11ParseError.InvalidTrailer, reason);
    }

    [Fact]
    public void Read_AcceptsTrailers_WhenExactlyMaxFieldCount()
    {
        string trailers = string.Concat(Enumerable.Range(0, Http11ResponseParser.MaxFieldCount).Select(i => $"T{i}: x\r\n"));

        (_, _, bool complete) = ReadAll($"0\r\n{trailers}\r\n");

        Assert.True(complete);
    }

    [Fact]
    public void Read_RejectsTrailers_WhenSectionExceedsMaxHeadSize()
    {
        string trailer = "T: " + new string('x', Http11ResponseParser.MaxHeadSize) + "\r\n";

        Http11ParseError reason = Reject($"0\r\n{trailer}\r\n");

        Assert.Equal(Http11ParseError.InvalidTrailer, reason);
    }

    [Fact]
    public void Decode_CopiesAcrossChunks_WhenDestinationIsLarge()
    {
        byte[] wire = Wire.Bytes("3\r\nabc\r\n2\r\nde\r\n0\r\n\r\nNEXT");
        byte[] destination = new byte[64];
        ChunkedDecoder decoder = new();

        OperationStatus status = decoder.Decode(wire, destination, out int consumed, out int written);

        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(wire.Length - 4, consumed);
        Assert.Equal("abcde", System.Text.Encoding.ASCII.GetString(destination, 0, written));
    }

    [Fact]
    public void Decode_StopsWithDestinationTooSmall_WhenDataRemains()
    {
        byte[] wire = Wire.Bytes("5\r\nabcde\r\n0\r\n\r\n");
        byte[] destination = new byte[2];
        ChunkedDecoder decoder = new();

        OperationStatus first = decoder.Decode(wire, destination, out int consumed, out int written);

        Assert.Equal(OperationStatus.DestinationTooSmall, first);
        Assert.Equal((5, 2), (consumed, written));
        Assert.Equal("ab"u8.ToArray(), destination);
    }

    [Fact]
    public void Decode_ReturnsNeedMoreData_WhenSourceEndsInsideFraming()
    {
        byte[] wire = Wire.Bytes("5\r\nabcde\r");
        byte[] destination = new byte[16];
        ChunkedDecoder decoder = new();

        OperationStatus status = decoder.Decode(wire, destination, out int consumed, out int written);

        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal((wire.Length, 5), (consumed, written));
        Assert.False(decoder.IsComplete);
    }

    [Fact]
    public void Read_ShowsOffendingBytesEscaped_WhenRejecting()
    {
        Http11ParseException e = Assert.Throws<Http11ParseException>(() => ReadAll("1\r\naXY\r\n"));

        Assert.Equal(@"Chunk data not followed by CRLF: 'XY\x0D\x0A'", e.Message);
    }
}
