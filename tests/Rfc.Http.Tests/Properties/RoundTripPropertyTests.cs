using System.Buffers;
using System.IO.Compression;
using System.Text;
using CsCheck;
using Rfc.Http.Http11;

namespace Rfc.Http.Tests.Properties;

/// <summary>
/// Round trips (issue 11, fuzzing): any body chunked in any way and delivered at any split points decodes to itself;
/// any body compressed with gzip, zlib or raw deflate and delivered in any pieces decodes to itself through
/// <see cref="ContentDecoding"/>. CsCheck shrinks a failure to a small case and prints it.
/// </summary>
public sealed class RoundTripPropertyTests
{
    private const int Iterations = 2_000;

    private static readonly Uri s_uri = new("http://127.0.0.1/rfc/rfc1.txt");

    /// <summary>Bodies: random bytes, or text-like runs that compress well, up to 4 KB.</summary>
    private static readonly Gen<byte[]> s_body = Gen.OneOf(
        Gen.Byte.Array[0, 4096],
        Gen.Select(Gen.String[Gen.Char["ab \n"], 0, 64], Gen.Int[1, 64]).Select((s, n) => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(s, n)))));

    /// <summary>One chunked message: the body, how it is cut into chunks, and how the framing is written.</summary>
    private static readonly Gen<ChunkedCase> s_chunked =
        Gen.Select(s_body, Gen.Int[1, 300].Array[1, 20], Gen.Int[0, 3].Array[1, 20], Gen.Bool, Gen.Int[1, 50].Array[1, 30], Gen.Int[1, 70])
            .Select((body, chunkSizes, styles, trailers, pieces, room) => new ChunkedCase(body, Encode(body, chunkSizes, styles, trailers), pieces, room));

    [Fact(Timeout = 120_000)]
    public async Task ChunkedDecoder_ReturnsTheBody_ForAnyChunkingAndAnySplitPoints()
    {
        int samples = 0;

        await Task.Run(
            () => s_chunked.Sample(
                c =>
                {
                    Interlocked.Increment(ref samples);
                    (byte[] decoded, int consumed) = Decode(c.Wire, c.Pieces, c.Room);
                    Assert.Equal(c.Body, decoded);
                    Assert.Equal(c.Wire.Length - NextResponse.Length, consumed);
                },
                iter: Iterations,
                print: c => $"{Convert.ToBase64String(c.Wire)} pieces {string.Join(',', c.Pieces)} room {c.Room}"),
            TestContext.Current.CancellationToken);

        Assert.Equal(Iterations, samples);
    }

    private static readonly Gen<CompressedCase> s_compressed =
        Gen.Select(s_body, Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[1, 40].Array[1, 20], Gen.Int[1, 5000])
            .Select((body, format, level, pieces, readSize) => new CompressedCase(body, format, (CompressionLevel)level, pieces, readSize));

    [Fact(Timeout = 120_000)]
    public async Task ContentDecoding_ReturnsTheBody_ForGzipZlibAndRawDeflateInAnyPieces()
    {
        int samples = 0;

        await Task.Run(
            () => s_compressed.Sample(
                c =>
                {
                    Interlocked.Increment(ref samples);
                    byte[] wire = Compress(c.Body, c.Format, c.Level);
                    using Stream decoded = ContentDecoding.Decode(new PieceStream(wire, c.Pieces), c.Format == 0 ? "gzip" : "deflate", s_uri);
                    Assert.Equal(c.Body, ReadAll(decoded, c.ReadSize));
                },
                iter: Iterations,
                print: c => $"{Convert.ToBase64String(c.Body)} format {c.Format} level {c.Level} pieces {string.Join(',', c.Pieces)} reads of {c.ReadSize}"),
            TestContext.Current.CancellationToken);

        Assert.Equal(Iterations, samples);
    }

    /// <summary>Bytes of the next response on the connection, which the decoder must leave alone.</summary>
    private static ReadOnlySpan<byte> NextResponse => "HTTP/1.1 200 OK\r\n"u8;

    /// <summary>
    /// Writes <paramref name="body"/> in chunks of the given sizes (cycled), each size line in one of four styles
    /// (lower-case hex, upper-case hex with leading zeros, with an extension, with a quoted extension), then the
    /// last chunk, optional trailer fields, the empty line, and the start of a next response.
    /// </summary>
    private static byte[] Encode(byte[] body, int[] chunkSizes, int[] styles, bool trailers)
    {
        var wire = new ArrayBufferWriter<byte>();
        int offset = 0;
        for (int i = 0; offset < body.Length; i++)
        {
            int size = Math.Min(chunkSizes[i % chunkSizes.Length], body.Length - offset);
            string line = (styles[i % styles.Length]) switch
            {
                0 => size.ToString("x"),
                1 => size.ToString("X6"),
                2 => $"{size:x};name=value",
                _ => $"{size:X} ; q=\"a;b\\\"c\"",
            };
            wire.Write(Encoding.ASCII.GetBytes(line + "\r\n"));
            wire.Write(body.AsSpan(offset, size));
            wire.Write("\r\n"u8);
            offset += size;
        }

        wire.Write(styles[0] == 2 ? "000;last\r\n"u8 : "0\r\n"u8);
        if (trailers)
        {
            wire.Write("Expires: 0\r\nX-Checksum: abc\r\n"u8);
        }

        wire.Write("\r\n"u8);
        wire.Write(NextResponse);
        return wire.WrittenSpan.ToArray();
    }

    /// <summary>Feeds <paramref name="wire"/> as it arrives in pieces (sizes cycled) into a destination of <paramref name="room"/> bytes.</summary>
    private static (byte[] Body, int Consumed) Decode(byte[] wire, int[] pieces, int room)
    {
        var decoder = new ChunkedDecoder();
        var body = new ArrayBufferWriter<byte>();
        byte[] destination = new byte[room];
        int offset = 0, available = 0, piece = 0;
        while (true)
        {
            if (offset == available)
            {
                Assert.True(available < wire.Length, "the decoder wants more than the message");
                available = Math.Min(wire.Length, available + pieces[piece++ % pieces.Length]);
            }

            OperationStatus status = decoder.Decode(wire.AsSpan(offset, available - offset), destination, out int consumed, out int written);
            body.Write(destination.AsSpan(0, written));
            offset += consumed;
            if (status == OperationStatus.Done)
            {
                Assert.True(decoder.IsComplete);
                Assert.Equal(body.WrittenCount, decoder.BodyLength);
                return (body.WrittenSpan.ToArray(), offset);
            }
        }
    }

    private static byte[] Compress(byte[] body, int format, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (Stream encoder = format switch
        {
            0 => new GZipStream(output, level, leaveOpen: true),
            1 => new ZLibStream(output, level, leaveOpen: true),
            _ => new DeflateStream(output, level, leaveOpen: true),
        })
        {
            encoder.Write(body);
        }

        return output.ToArray();
    }

    private static byte[] ReadAll(Stream stream, int readSize)
    {
        using var all = new MemoryStream();
        byte[] buffer = new byte[readSize];
        int read;
        while ((read = stream.ReadAsync(buffer).AsTask().GetAwaiter().GetResult()) > 0)
        {
            all.Write(buffer, 0, read);
        }

        return all.ToArray();
    }

    private sealed record ChunkedCase(byte[] Body, byte[] Wire, int[] Pieces, int Room);

    private sealed record CompressedCase(byte[] Body, int Format, CompressionLevel Level, int[] Pieces, int ReadSize);

    /// <summary>A read-only stream that returns its bytes in pieces of the given sizes (cycled), as a network does.</summary>
    private sealed class PieceStream(byte[] bytes, int[] pieces) : Stream
    {
        private int _offset;
        private int _piece;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => bytes.Length;

        public override long Position { get => _offset; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(Math.Min(buffer.Length, pieces[_piece++ % pieces.Length]), bytes.Length - _offset);
            bytes.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
