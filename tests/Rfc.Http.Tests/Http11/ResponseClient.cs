using System.Buffers;
using System.Text;
using Rfc.Http.Http11;

namespace Rfc.Http.Tests.Http11;

/// <summary>How the test client pulls body bytes out of the chunked decoder.</summary>
internal enum ChunkedMode
{
    /// <summary><see cref="ChunkedDecoder.Read"/>: data ranges inside the connection buffer.</summary>
    ZeroCopy,

    /// <summary><see cref="ChunkedDecoder.Decode"/> into a destination smaller than most chunks.</summary>
    CopyToSmallBuffer,
}

/// <summary>
/// Reads one response the way the socket connection will: a buffer that grows as pieces arrive, the head
/// parser retried until complete, 1xx interim heads skipped, the framing chosen once, then the body. After
/// the last piece the server has closed: a close-delimited body ends there, anything else cut short is an error.
/// Only <see cref="Http11ParseException"/> is caught; anything else escapes and fails the test.
/// </summary>
internal sealed class ResponseClient
{
    // Small on purpose, so that DestinationTooSmall is exercised by every chunk longer than this.
    private const int CopyBufferSize = 7;

    private readonly IEnumerator<ReadOnlyMemory<byte>> _pieces;
    private byte[] _buffer = new byte[64];
    private int _start;
    private int _end;

    private ResponseClient(IEnumerable<ReadOnlyMemory<byte>> pieces) => _pieces = pieces.GetEnumerator();

    private ReadOnlySpan<byte> Available => _buffer.AsSpan(_start, _end - _start);

    public static ClientOutcome Run(byte[] raw, string method = "GET", ChunkedMode mode = ChunkedMode.ZeroCopy) =>
        Run(Pieces.Whole(raw), method, mode);

    public static ClientOutcome Run(IEnumerable<ReadOnlyMemory<byte>> pieces, string method = "GET", ChunkedMode mode = ChunkedMode.ZeroCopy)
    {
        ResponseClient client = new(pieces);
        try
        {
            return client.ReadResponse(method, mode);
        }
        catch (Http11ParseException e)
        {
            return ClientOutcome.Failed(e);
        }
        finally
        {
            client._pieces.Dispose();
        }
    }

    private ClientOutcome ReadResponse(string method, ChunkedMode mode)
    {
        Http11ResponseHead head = ReadFinalHead();
        BodyFraming framing = BodyFraming.Determine(head, method);
        byte[] body = framing.Kind switch
        {
            BodyFramingKind.None => [],
            BodyFramingKind.ContentLength => ReadContentLength(framing.Length),
            BodyFramingKind.Chunked => mode == ChunkedMode.ZeroCopy ? ReadChunkedZeroCopy() : ReadChunkedCopying(),
            _ => ReadToClose(),
        };

        StringBuilder headers = new();
        foreach (KeyValuePair<string, string> field in head.Headers)
        {
            headers.Append(field.Key).Append(": ").Append(field.Value).Append('\n');
        }

        return new ClientOutcome(
            head.StatusCode, head.ReasonPhrase, head.Version.ToString(), headers.ToString(), Convert.ToBase64String(body),
            framing.Kind, framing.KeepAlive, null)
        { HeaderList = head.Headers, BodyBytes = body };
    }

    private Http11ResponseHead ReadFinalHead()
    {
        while (true)
        {
            if (Http11ResponseParser.TryParseHead(Available, out Http11ResponseHead? head, out int consumed))
            {
                _start += consumed;
                if (!head.IsInterim)
                {
                    return head;
                }

                continue;
            }

            // The parser's contract (Kestrel's prefix style): an incomplete head consumes nothing.
            if (consumed != 0)
            {
                throw new InvalidOperationException($"incomplete head consumed {consumed} bytes");
            }

            if (!Fill())
            {
                throw new Http11ParseException(Http11ParseError.HeadTruncated, "connection closed before the response head was complete");
            }
        }
    }

    private byte[] ReadContentLength(long length)
    {
        while (_end - _start < length)
        {
            if (!Fill())
            {
                throw new Http11ParseException(Http11ParseError.BodyTruncated, $"connection closed after {_end - _start} of {length} body bytes");
            }
        }

        return Available[..(int)length].ToArray();
    }

    private byte[] ReadToClose()
    {
        while (Fill())
        {
        }

        return Available.ToArray();
    }

    private byte[] ReadChunkedZeroCopy()
    {
        ChunkedDecoder decoder = new();
        ArrayBufferWriter<byte> body = new();
        while (true)
        {
            while (_end > _start && !decoder.IsComplete)
            {
                int used = decoder.Read(Available, out int offset, out int length);
                if (used == 0)
                {
                    throw new InvalidOperationException("ChunkedDecoder.Read made no progress (would hang)");
                }

                body.Write(Available.Slice(offset, length));
                _start += used;
            }

            if (decoder.IsComplete)
            {
                CheckLength(decoder, body.WrittenCount);
                return body.WrittenSpan.ToArray();
            }

            if (!Fill())
            {
                throw new Http11ParseException(Http11ParseError.BodyTruncated, "connection closed inside the chunked body");
            }
        }
    }

    private byte[] ReadChunkedCopying()
    {
        ChunkedDecoder decoder = new();
        ArrayBufferWriter<byte> body = new();
        byte[] destination = new byte[CopyBufferSize];
        while (true)
        {
            OperationStatus status = decoder.Decode(Available, destination, out int consumed, out int written);
            body.Write(destination.AsSpan(0, written));
            _start += consumed;
            switch (status)
            {
                case OperationStatus.Done:
                    CheckLength(decoder, body.WrittenCount);
                    return body.WrittenSpan.ToArray();
                case OperationStatus.DestinationTooSmall when written == 0 && consumed == 0:
                    throw new InvalidOperationException("ChunkedDecoder.Decode made no progress (would hang)");
                case OperationStatus.DestinationTooSmall:
                    break;
                case OperationStatus.NeedMoreData when _start != _end:
                    throw new InvalidOperationException("NeedMoreData with bytes left unconsumed");
                case OperationStatus.NeedMoreData:
                    if (!Fill())
                    {
                        throw new Http11ParseException(Http11ParseError.BodyTruncated, "connection closed inside the chunked body");
                    }

                    break;
                default:
                    throw new InvalidOperationException($"unexpected {status}");
            }
        }
    }

    private static void CheckLength(ChunkedDecoder decoder, int written)
    {
        if (decoder.BodyLength != written)
        {
            throw new InvalidOperationException($"BodyLength {decoder.BodyLength} but {written} bytes produced");
        }
    }

    private bool Fill()
    {
        if (!_pieces.MoveNext())
        {
            return false;
        }

        ReadOnlySpan<byte> piece = _pieces.Current.Span;
        if (_end + piece.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _end + piece.Length));
        }

        piece.CopyTo(_buffer.AsSpan(_end));
        _end += piece.Length;
        return true;
    }
}
