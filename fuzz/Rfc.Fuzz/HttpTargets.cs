using System.Buffers;
using Rfc.Http;
using Rfc.Http.Http11;
using Rfc.Transport;

namespace Rfc.Fuzz;

/// <summary>Targets for the socket transport's HTTP/1.1 code and the content decoders.</summary>
internal static class HttpTargets
{
    /// <summary>The most body bytes a target reads: a decompression bomb is a finding only if memory grows with it.</summary>
    private const long MaxBodyBytes = 256L * 1024 * 1024;

    private static readonly Uri s_uri = new("http://fuzz.invalid/rfc/rfc1.txt");

    /// <summary>
    /// <see cref="Http11ResponseParser.TryParseHead"/> on the input, then the promises it makes: what it consumed
    /// is in range, the same bytes cut where it stopped parse to the same head, one byte fewer is "need more",
    /// and <see cref="BodyFraming.Determine"/> accepts or rejects the head with its own exception only.
    /// </summary>
    public static void ResponseHead(byte[] input)
    {
        Http11ResponseHead? head;
        int consumed;
        try
        {
            if (!Http11ResponseParser.TryParseHead(input, out head, out consumed))
            {
                FuzzCheck.That(consumed == 0, "need-more consumed bytes");
                return;
            }
        }
        catch (Http11ParseException)
        {
            return;
        }

        FuzzCheck.That(consumed > 0 && consumed <= input.Length, "consumed out of range");
        FuzzCheck.That(head.StatusCode is >= 100 and <= 999, "status code out of range");
        FuzzCheck.That(Http11ResponseParser.TryParseHead(input.AsSpan(0, consumed), out Http11ResponseHead? again, out int consumedAgain)
            && consumedAgain == consumed && again.Headers.Count == head.Headers.Count, "the head alone parses differently");
        bool shorter;
        try
        {
            shorter = Http11ResponseParser.TryParseHead(input.AsSpan(0, consumed - 1), out _, out _);
        }
        catch (Http11ParseException)
        {
            shorter = false;
        }

        FuzzCheck.That(!shorter, "a head one byte short parsed as complete");
        foreach (string method in (string[])["GET", "HEAD"])
        {
            try
            {
                BodyFraming framing = BodyFraming.Determine(head, method);
                FuzzCheck.That(framing.Length >= 0, "negative body length");
            }
            catch (Http11ParseException)
            {
            }
        }
    }

    /// <summary>
    /// <see cref="ChunkedDecoder"/>: the input decoded in one call and again fed in pieces into a small destination
    /// (piece and destination sizes from the first byte) must give the same body, the same end and the same verdict.
    /// </summary>
    public static void Chunked(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        int piece = (input[0] & 0x0F) + 1;
        int room = (input[0] >> 4) + 1;
        ReadOnlySpan<byte> wire = input.AsSpan(1);

        (byte[]? whole, int wholeConsumed, bool wholeDone) = DecodeAll(wire, wire.Length, 1 << 20);
        (byte[]? pieces, int piecesConsumed, bool piecesDone) = DecodeAll(wire, piece, room);
        FuzzCheck.That((whole is null) == (pieces is null), "the verdict depends on how the bytes arrive");
        if (whole is null || pieces is null)
        {
            return;
        }

        FuzzCheck.That(wholeDone == piecesDone, "completion depends on how the bytes arrive");
        FuzzCheck.That(whole.AsSpan().SequenceEqual(pieces), "the body depends on how the bytes arrive");
        FuzzCheck.That(!wholeDone || wholeConsumed == piecesConsumed, "the end of the body depends on how the bytes arrive");
    }

    /// <summary>Feeds <paramref name="wire"/> in pieces of <paramref name="piece"/> bytes; null when the decoder rejected it.</summary>
    private static (byte[]? Body, int Consumed, bool Done) DecodeAll(ReadOnlySpan<byte> wire, int piece, int room)
    {
        var decoder = new ChunkedDecoder();
        var body = new ArrayBufferWriter<byte>();
        byte[] destination = new byte[room];
        int offset = 0;
        int available = Math.Min(piece, wire.Length);
        try
        {
            while (true)
            {
                OperationStatus status = decoder.Decode(wire[offset..available], destination, out int consumed, out int written);
                FuzzCheck.That(consumed >= 0 && consumed <= available - offset && written >= 0 && written <= room, "out-of-range counts");
                body.Write(destination.AsSpan(0, written));
                offset += consumed;
                switch (status)
                {
                    case OperationStatus.Done:
                        FuzzCheck.That(decoder.IsComplete && decoder.BodyLength == body.WrittenCount, "done without completion");
                        return (body.WrittenSpan.ToArray(), offset, true);
                    case OperationStatus.NeedMoreData:
                        FuzzCheck.That(offset == available, "need more data with bytes left");
                        if (available == wire.Length)
                        {
                            return (body.WrittenSpan.ToArray(), offset, false);
                        }

                        available = Math.Min(available + piece, wire.Length);
                        break;
                    case OperationStatus.DestinationTooSmall:
                        FuzzCheck.That(written == room || written > 0 || consumed > 0, "no progress with room left");
                        break;
                    default:
                        FuzzCheck.That(false, "InvalidData returned instead of thrown");
                        break;
                }
            }
        }
        catch (Http11ParseException)
        {
            return (null, offset, false);
        }
    }

    /// <summary>
    /// <see cref="ContentDecoding"/>: the first byte picks the Content-Encoding, the rest is the body. Corrupt or
    /// truncated input must surface as an HTTP-layer <see cref="FetchException"/>, nothing else.
    /// </summary>
    public static void ContentDecoding(byte[] input)
    {
        if (input.Length == 0)
        {
            return;
        }

        string coding = (input[0] % 6) switch
        {
            0 => "gzip",
            1 => "deflate",
            2 => "x-gzip",
            3 => "gzip, deflate",
            4 => "identity, gzip",
            _ => "deflate, identity",
        };
        try
        {
            using Stream decoded = Http.ContentDecoding.Decode(new MemoryStream(input, 1, input.Length - 1, writable: false), coding, s_uri);
            Drain(decoded, input[0] >> 4);
        }
        catch (FetchException e)
        {
            FuzzCheck.That(e.Layer == FetchLayer.Http, "a decoding error outside the HTTP layer");
        }
    }

    /// <summary>
    /// A whole exchange of the socket transport over an in-memory connection: the input is everything the server
    /// sends, delivered in pieces (sizes from the input's length, so every seed is a plain response); the request is
    /// GET, or HEAD when the input's length is odd. Failures must be <see cref="FetchException"/>s.
    /// </summary>
    public static void Exchange(byte[] input)
    {
        string method = input.Length % 2 == 0 ? "GET" : "HEAD";
        var server = new ScriptedStream(input, (input.Length % 7) + 1);
        var transport = new SocketHttpTransport(new HttpTransportOptions { ReadTimeout = TimeSpan.FromSeconds(5), Environment = _ => null });
        try
        {
            using FetchResponse response = transport.SendOverStreamAsync(server, new FetchRequest(s_uri) { Method = method }, CancellationToken.None).GetAwaiter().GetResult();
            FuzzCheck.That(response.StatusCode is >= 100 and <= 999, "status out of range");
            Drain(response.Content, input.Length % 5);
        }
        catch (FetchException e)
        {
            FuzzCheck.That(e.Layer == FetchLayer.Http || e.Layer == FetchLayer.Tcp, "an exchange error from an unexpected layer");
        }
        finally
        {
            transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end in reads of varying size, up to <see cref="MaxBodyBytes"/>.</summary>
    private static void Drain(Stream stream, int pattern)
    {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int size = 1 + (pattern * 977 % buffer.Length);
        int read;
        while ((read = stream.ReadAsync(buffer.AsMemory(0, size)).AsTask().GetAwaiter().GetResult()) > 0)
        {
            FuzzCheck.That(read <= size, "read more than asked");
            total += read;
            if (total > MaxBodyBytes)
            {
                return;
            }

            size = size == buffer.Length ? 1 : Math.Min(buffer.Length, size * 2 + 1);
        }
    }
}
