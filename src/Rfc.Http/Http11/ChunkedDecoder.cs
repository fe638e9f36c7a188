using System.Buffers;
using System.Diagnostics;

namespace Rfc.Http.Http11;

/// <summary>
/// Removes the chunked transfer coding (RFC 9112 §7.1) incrementally: feed it whatever bytes the connection
/// has, in any pieces; it keeps only a small state between calls (never bytes), so it does not allocate per
/// chunk. Chunk extensions are validated and ignored; trailer fields are validated and dropped.
/// Every rejection is an <see cref="Http11ParseException"/>.
/// </summary>
/// <remarks>
/// Chunk lines and the trailer section require CRLF: a bare LF or bare CR inside chunked framing is how
/// request-smuggling parsers disagree (RFC 9112 §7.1 and §11.2), so no leniency here.
/// One instance decodes one body; create a new one per response.
/// </remarks>
internal sealed class ChunkedDecoder
{
    /// <summary>
    /// The largest chunk size accepted. Sizes are tracked as <see cref="long"/> (a Stream's length type);
    /// RFC 9112 §7.1 requires recipients to guard against integer overflow of the hex numeral.
    /// </summary>
    public const long MaxChunkSize = long.MaxValue;

    /// <summary>
    /// The longest chunk-size line (size and extensions, without the CRLF) accepted. Extensions are ignored, so a longer
    /// line can only be a server making us spin on bytes that carry no data; Kestrel and others cap it too.
    /// </summary>
    public const int MaxChunkLineLength = 4096;

    private State _state = State.SizeStart;
    private long _chunkRemaining;
    private int _lineLength;
    private int _trailerBytes;
    private int _trailerCount;

    private enum State
    {
        SizeStart,
        Size,
        SizeWhitespace,
        ExtensionNameStart,
        ExtensionName,
        ExtensionAfterName,
        ExtensionValueStart,
        ExtensionToken,
        ExtensionQuoted,
        ExtensionQuotedPair,
        ExtensionAfterValue,
        SizeLineLf,
        Data,
        DataCr,
        DataLf,
        TrailerLineStart,
        TrailerName,
        TrailerValue,
        TrailerLineLf,
        TrailerEndLf,
        Complete,
    }

    /// <summary>True once the last chunk and the trailer section (with its empty line) have been read.</summary>
    public bool IsComplete => _state == State.Complete;

    /// <summary>The number of body bytes produced so far.</summary>
    public long BodyLength { get; private set; }

    // Consumes framing up to and including at most one run of body data (at most maxData bytes, the room left in
    // Decode's destination) and says where that data is in source; returns the bytes consumed.
    private int Read(ReadOnlySpan<byte> source, int maxData, out int dataOffset, out int dataLength)
    {
        dataOffset = 0;
        dataLength = 0;
        int i = 0;
        while (i < source.Length && _state != State.Complete)
        {
            if (_state == State.Data)
            {
                int length = (int)Math.Min(_chunkRemaining, Math.Min(source.Length - i, maxData));
                dataOffset = i;
                dataLength = length;
                _chunkRemaining -= length;
                BodyLength += length;
                if (_chunkRemaining == 0)
                {
                    _state = State.DataCr;
                }

                return i + length;
            }

            Step(source, i);
            i++;
        }

        return i;
    }

    /// <summary>
    /// Decodes from <paramref name="source"/> into <paramref name="destination"/>, across as many chunks as
    /// fit.
    /// </summary>
    /// <returns>
    /// <see cref="OperationStatus.Done"/> when the body is complete; <see cref="OperationStatus.NeedMoreData"/>
    /// when all of <paramref name="source"/> was consumed; <see cref="OperationStatus.DestinationTooSmall"/>
    /// when <paramref name="destination"/> is full and body data remains in <paramref name="source"/>.
    /// Never <see cref="OperationStatus.InvalidData"/>: invalid framing throws.
    /// </returns>
    /// <exception cref="Http11ParseException">The chunked framing is invalid.</exception>
    public OperationStatus Decode(ReadOnlySpan<byte> source, Span<byte> destination, out int consumed, out int written)
    {
        consumed = 0;
        written = 0;
        while (!IsComplete)
        {
            if (consumed == source.Length)
            {
                return OperationStatus.NeedMoreData;
            }

            if (_state == State.Data && written == destination.Length)
            {
                return OperationStatus.DestinationTooSmall;
            }

            // Ask for at most as much data as fits, so Read never reports bytes we cannot copy.
            ReadOnlySpan<byte> rest = source[consumed..];
            int used = Read(rest, destination.Length - written, out int offset, out int length);
            Debug.Assert(used > 0 || IsComplete || _state == State.Data, "Read makes progress unless it is waiting for room");
            rest.Slice(offset, length).CopyTo(destination[written..]);
            written += length;
            consumed += used;
        }

        return OperationStatus.Done;
    }

    private void Step(ReadOnlySpan<byte> source, int i)
    {
        byte b = source[i];
        switch (_state)
        {
            case State.SizeStart:
                _lineLength = 0;
                _chunkRemaining = 0;
                CountLineByte(source, i);
                if (!TryAddHexDigit(b, source, i))
                {
                    throw Fail(Http11ParseError.InvalidChunkSize, "Invalid chunk size", source, i);
                }

                _state = State.Size;
                break;

            case State.Size:
                CountLineByte(source, i);
                if (TryAddHexDigit(b, source, i))
                {
                    break;
                }

                _state = b switch
                {
                    (byte)';' => State.ExtensionNameStart,
                    (byte)' ' or (byte)'\t' => State.SizeWhitespace,
                    (byte)'\r' => State.SizeLineLf,
                    _ => throw Fail(Http11ParseError.InvalidChunkSize, "Invalid chunk size", source, i),
                };
                break;

            // chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ) (RFC 9112 §7.1.1):
            // whitespace after the size is only allowed before a ";".
            case State.SizeWhitespace:
                CountLineByte(source, i);
                _state = b switch
                {
                    (byte)' ' or (byte)'\t' => State.SizeWhitespace,
                    (byte)';' => State.ExtensionNameStart,
                    _ => throw Fail(Http11ParseError.InvalidChunkExtension, "Invalid chunk extension", source, i),
                };
                break;

            case State.ExtensionNameStart:
                CountLineByte(source, i);
                _state = Http11Syntax.IsTokenChar(b) ? State.ExtensionName
                    : Http11Syntax.IsWhitespace(b) ? State.ExtensionNameStart
                    : throw Fail(Http11ParseError.InvalidChunkExtension, "Invalid chunk extension", source, i);
                break;

            case State.ExtensionName:
                CountLineByte(source, i);
                _state = Http11Syntax.IsTokenChar(b) ? State.ExtensionName : AfterExtensionItem(b, allowEquals: true, source, i);
                break;

            case State.ExtensionAfterName:
                CountLineByte(source, i);
                _state = AfterExtensionItem(b, allowEquals: true, source, i);
                break;

            case State.ExtensionValueStart:
                CountLineByte(source, i);
                _state = b == (byte)'"' ? State.ExtensionQuoted
                    : Http11Syntax.IsTokenChar(b) ? State.ExtensionToken
                    : Http11Syntax.IsWhitespace(b) ? State.ExtensionValueStart
                    : throw Fail(Http11ParseError.InvalidChunkExtension, "Invalid chunk extension", source, i);
                break;

            case State.ExtensionToken:
                CountLineByte(source, i);
                _state = Http11Syntax.IsTokenChar(b) ? State.ExtensionToken : AfterExtensionItem(b, allowEquals: false, source, i);
                break;

            // RFC 9110 §5.6.4: qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text; quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
            case State.ExtensionQuoted:
                CountLineByte(source, i);
                _state = b switch
                {
                    (byte)'"' => State.ExtensionAfterValue,
                    (byte)'\\' => State.ExtensionQuotedPair,
                    _ when Http11Syntax.IsFieldValueByte(b) => State.ExtensionQuoted,
                    _ => throw Fail(Http11ParseError.InvalidChunkExtension, "Invalid quoted string in chunk extension", source, i),
                };
                break;

            case State.ExtensionQuotedPair:
                CountLineByte(source, i);
                _state = Http11Syntax.IsFieldValueByte(b) ? State.ExtensionQuoted
                    : throw Fail(Http11ParseError.InvalidChunkExtension, "Invalid quoted string in chunk extension", source, i);
                break;

            case State.ExtensionAfterValue:
                CountLineByte(source, i);
                _state = AfterExtensionItem(b, allowEquals: false, source, i);
                break;

            case State.SizeLineLf:
                if (b != (byte)'\n')
                {
                    throw Fail(Http11ParseError.InvalidChunkTerminator, "Chunk size line not ended by CRLF", source, i);
                }

                _state = _chunkRemaining == 0 ? State.TrailerLineStart : State.Data;
                break;

            case State.DataCr:
                _state = b == (byte)'\r' ? State.DataLf
                    : throw Fail(Http11ParseError.InvalidChunkTerminator, "Chunk data not followed by CRLF", source, i);
                break;

            case State.DataLf:
                _state = b == (byte)'\n' ? State.SizeStart
                    : throw Fail(Http11ParseError.InvalidChunkTerminator, "Chunk data not followed by CRLF", source, i);
                break;

            // trailer-section = *( field-line CRLF ), then CRLF (RFC 9112 §7.1.2). Fields are dropped: nothing
            // in this client uses them, and RFC 9110 §6.5.1 forbids merging them into the head unasked.
            case State.TrailerLineStart:
                CountTrailerByte(source, i);
                if (b == (byte)'\r')
                {
                    _state = State.TrailerEndLf;
                }
                else if (Http11Syntax.IsTokenChar(b))
                {
                    if (++_trailerCount > Http11ResponseParser.MaxFieldCount)
                    {
                        throw Fail(Http11ParseError.InvalidTrailer, $"More than {Http11ResponseParser.MaxFieldCount} trailer fields", source, i);
                    }

                    _state = State.TrailerName;
                }
                else if (Http11Syntax.IsWhitespace(b) && _trailerCount > 0)
                {
                    _state = State.TrailerValue; // obs-fold continues the previous field, as in the head
                }
                else
                {
                    throw Fail(Http11ParseError.InvalidTrailer, "Invalid trailer field", source, i);
                }

                break;

            case State.TrailerName:
                CountTrailerByte(source, i);
                _state = Http11Syntax.IsTokenChar(b) ? State.TrailerName
                    : b == (byte)':' ? State.TrailerValue
                    : throw Fail(Http11ParseError.InvalidTrailer, "Invalid trailer field name", source, i);
                break;

            case State.TrailerValue:
                CountTrailerByte(source, i);
                _state = b == (byte)'\r' ? State.TrailerLineLf
                    : Http11Syntax.IsFieldValueByte(b) ? State.TrailerValue
                    : throw Fail(Http11ParseError.InvalidTrailer, "Invalid trailer field value", source, i);
                break;

            case State.TrailerLineLf:
                CountTrailerByte(source, i);
                _state = b == (byte)'\n' ? State.TrailerLineStart
                    : throw Fail(Http11ParseError.InvalidTrailer, "Trailer line not ended by CRLF", source, i);
                break;

            case State.TrailerEndLf:
                _state = b == (byte)'\n' ? State.Complete
                    : throw Fail(Http11ParseError.InvalidTrailer, "Trailer section not ended by CRLF", source, i);
                break;

            default:
                throw new UnreachableException($"chunked decoder state {_state} consumes no bytes");
        }
    }

    private static State AfterExtensionItem(byte b, bool allowEquals, ReadOnlySpan<byte> source, int i) => b switch
    {
        (byte)' ' or (byte)'\t' => allowEquals ? State.ExtensionAfterName : State.ExtensionAfterValue,
        (byte)'=' when allowEquals => State.ExtensionValueStart,
        (byte)';' => State.ExtensionNameStart,
        (byte)'\r' => State.SizeLineLf,
        _ => throw Fail(Http11ParseError.InvalidChunkExtension, "Invalid chunk extension", source, i),
    };

    private bool TryAddHexDigit(byte b, ReadOnlySpan<byte> source, int i)
    {
        int digit = b switch
        {
            >= (byte)'0' and <= (byte)'9' => b - '0',
            >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
            _ => -1,
        };
        if (digit < 0)
        {
            return false;
        }

        if (_chunkRemaining > (MaxChunkSize - digit) / 16)
        {
            throw Fail(Http11ParseError.ChunkSizeTooLarge, "Chunk size too large", source, i);
        }

        _chunkRemaining = (_chunkRemaining * 16) + digit;
        return true;
    }

    // Counts the size and extension bytes of a chunk line; the CR that ends it is not counted.
    private void CountLineByte(ReadOnlySpan<byte> source, int i)
    {
        if (source[i] != (byte)'\r' && ++_lineLength > MaxChunkLineLength)
        {
            throw Fail(Http11ParseError.ChunkLineTooLong, $"Chunk size line longer than {MaxChunkLineLength} bytes", source, i);
        }
    }

    private void CountTrailerByte(ReadOnlySpan<byte> source, int i)
    {
        if (++_trailerBytes > Http11ResponseParser.MaxHeadSize)
        {
            throw Fail(Http11ParseError.InvalidTrailer, $"Trailer section larger than {Http11ResponseParser.MaxHeadSize} bytes", source, i);
        }
    }

    // Shows the bytes from the offending one to the end of its line (or of what has arrived).
    private static Http11ParseException Fail(Http11ParseError reason, string what, ReadOnlySpan<byte> source, int i)
    {
        ReadOnlySpan<byte> from = source[i..];
        int lf = from.IndexOf((byte)'\n');
        return Http11ResponseParser.Error(reason, what, lf < 0 ? from : from[..(lf + 1)]);
    }
}
