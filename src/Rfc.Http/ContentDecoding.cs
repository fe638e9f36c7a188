using System.Buffers.Binary;
using System.IO.Compression;
using Rfc.Transport;

namespace Rfc.Http;

/// <summary>
/// Undoes the content codings a server applied (RFC 9110 §8.4), and the transfer codings other than chunked
/// (RFC 9112 §6.1). The RFC Editor's server sometimes sends <c>Content-Encoding: gzip</c> to clients that did
/// not ask for it; the document is always the decoded text. Both transports decode here, so they agree byte
/// for byte.
/// </summary>
/// <remarks>
/// A compressed body counts only when its compressed stream ended properly. .NET's decoders return end of
/// stream when their input runs out, even in the middle of the data, so the end is checked here: zlib and raw
/// deflate must have reached their final block without asking for more input (zlib also checks its Adler-32
/// on the way), and gzip, whose decoder always looks for a further member at the end, must end with its
/// trailer: ISIZE equal to the decoded length (zlib has checked the CRC-32 when it read the trailer). A body
/// that fails the check is an HTTP-layer error, never a short document.
/// </remarks>
internal static class ContentDecoding
{
    /// <summary>
    /// Wraps <paramref name="body"/> to decode the codings named in <paramref name="contentEncoding"/>
    /// (applied in order, so decoded in reverse). Unknown codings are an HTTP-layer error: printing
    /// compressed bytes as if they were the document would be worse than failing.
    /// </summary>
    public static Stream Decode(Stream body, string? contentEncoding, Uri uri) =>
        Decode(body, Split(contentEncoding), uri, "content");

    /// <summary>
    /// Wraps <paramref name="body"/> (already de-chunked) to undo the transfer codings of
    /// <paramref name="transferEncoding"/> other than the final <c>chunked</c> (RFC 9112 §6.1: gzip and deflate
    /// are the ones we implement). A <c>chunked</c> anywhere but last, or an unknown coding, refuses the response:
    /// the bytes would otherwise be stored encoded.
    /// </summary>
    public static Stream DecodeTransfer(Stream body, string? transferEncoding, Uri uri)
    {
        List<string> codings = Split(transferEncoding);
        if (codings.Count > 0 && codings[^1].Equals("chunked", StringComparison.OrdinalIgnoreCase))
        {
            codings.RemoveAt(codings.Count - 1);
        }

        if (codings.Exists(c => c.Equals("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            // RFC 9112 §6.1: chunked is applied once, and last.
            throw new FetchException(FetchLayer.Http, $"invalid HTTP response from {HttpErrors.Authority(uri)}: chunked is not the final transfer coding in '{transferEncoding}'");
        }

        return Decode(body, codings, uri, "transfer");
    }

    private static List<string> Split(string? codings) =>
        string.IsNullOrWhiteSpace(codings) ? [] : [.. codings.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static Stream Decode(Stream body, List<string> codings, Uri uri, string kind)
    {
        ArgumentNullException.ThrowIfNull(body);
        Stream decoded = body;
        for (int i = codings.Count - 1; i >= 0; i--)
        {
            decoded = codings[i].ToUpperInvariant() switch
            {
                "IDENTITY" => decoded,
                "GZIP" or "X-GZIP" => new CheckedDecoderStream(decoded, CheckedDecoderStream.Format.Gzip, uri),
                "DEFLATE" => new CheckedDecoderStream(decoded, CheckedDecoderStream.Format.Deflate, uri),
                _ => throw new FetchException(FetchLayer.Http, $"{HttpErrors.Authority(uri)} sent the body with an unsupported {kind} coding '{codings[i]}'"),
            };
        }

        return decoded;
    }

    /// <summary>
    /// One decoder over the compressed input, with the input watched so that the end of the compressed
    /// stream can be checked (see the class remarks).
    /// </summary>
    private sealed class CheckedDecoderStream(Stream compressed, CheckedDecoderStream.Format format, Uri uri) : ReadOnlyStream
    {
        public enum Format
        {
            Gzip,

            // RFC 9110 §8.4.1.2: "deflate" is the zlib format (RFC 1950), but some servers send raw deflate
            // (RFC 1951); the first two bytes tell which, as browsers do.
            Deflate,
        }

        private readonly InputWatch _input = new(compressed);
        private Stream? _decoder;
        private long _decoded;
        private bool _ended;

        private string Coding => format == Format.Gzip ? "gzip" : "deflate";

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_ended || buffer.IsEmpty)
            {
                return 0;
            }

            int read;
            try
            {
                _decoder ??= await CreateDecoderAsync(cancellationToken).ConfigureAwait(false);
                read = await _decoder.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                throw Corrupt("the data is not valid", e);
            }
            catch (IOException e) when (!_input.Threw)
            {
                // zlib reports some corrupt streams (an invalid block, a preset dictionary) as its internal
                // ZLibException, an IOException (found by fuzz/run.sh content); the body's own failures pass through.
                throw Corrupt("the data is not valid", e);
            }

            if (read > 0)
            {
                _decoded += read;
                return read;
            }

            _ended = true;
            CheckEnd();
            return 0;
        }

        private void CheckEnd()
        {
            if (_input.Total == 0 && _decoded == 0)
            {
                return; // No body at all (a 304, an empty error page): nothing was cut.
            }

            if (format == Format.Gzip)
            {
                // The decoder asks for another member at the end, so running out of input is normal; the last
                // eight bytes must be the trailer, its ISIZE the decoded length modulo 2^32 (RFC 1952 §2.3.1).
                if (_input.Total < 18 || BinaryPrimitives.ReadUInt32LittleEndian(_input.Tail[4..]) != (uint)_decoded)
                {
                    throw Corrupt("the stream is cut short: no gzip trailer", null);
                }
            }
            else if (_input.RanDry)
            {
                // zlib and raw deflate stop reading once the final block (and zlib's Adler-32) has been read; a
                // decoder still asking for input when it ran out was cut short.
                throw Corrupt("the stream is cut short before its final block", null);
            }
        }

        private FetchException Corrupt(string why, Exception? inner) =>
            new(FetchLayer.Http, $"{HttpErrors.Authority(uri)} sent a corrupt {Coding} body ({why})", inner);

        private async Task<Stream> CreateDecoderAsync(CancellationToken cancellationToken)
        {
            if (format == Format.Gzip)
            {
                return new GZipStream(_input, CompressionMode.Decompress);
            }

            byte[] head = new byte[2];
            int got = 0;
            while (got < head.Length)
            {
                int n = await _input.ReadAsync(head.AsMemory(got), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                got += n;
            }

            // A zlib header: CM = 8 in the low nibble of CMF, and CMF*256+FLG divisible by 31 (RFC 1950 §2.2).
            bool zlib = got == 2 && (head[0] & 0x0F) == 8 && ((head[0] << 8) | head[1]) % 31 == 0;
            _input.Replay(head.AsMemory(0, got));
            return zlib ? new ZLibStream(_input, CompressionMode.Decompress) : new DeflateStream(_input, CompressionMode.Decompress);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                (_decoder ?? (Stream)_input).Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// The compressed input as the decoder reads it: remembers its last eight bytes and whether the decoder
    /// asked for more after the input ended.
    /// </summary>
    private sealed class InputWatch(Stream inner) : ReadOnlyStream
    {
        private readonly byte[] _tail = new byte[8];
        private ReadOnlyMemory<byte> _replay;

        public long Total { get; private set; }

        public bool RanDry { get; private set; }

        /// <summary>True once a read of the body itself threw: its errors are not the decoder's.</summary>
        public bool Threw { get; private set; }

        public ReadOnlySpan<byte> Tail => _tail;

        public void Replay(ReadOnlyMemory<byte> bytes)
        {
            _replay = bytes;
            Total -= bytes.Length;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.IsEmpty)
            {
                return 0;
            }

            int n;
            if (!_replay.IsEmpty)
            {
                n = Math.Min(buffer.Length, _replay.Length);
                _replay[..n].CopyTo(buffer);
                _replay = _replay[n..];
            }
            else
            {
                try
                {
                    n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    Threw = true;
                    throw;
                }
            }

            if (n == 0)
            {
                RanDry = true;
                return 0;
            }

            Remember(buffer.Span[..n]);
            return n;
        }

        private void Remember(ReadOnlySpan<byte> bytes)
        {
            Total += bytes.Length;
            if (bytes.Length >= _tail.Length)
            {
                bytes[^_tail.Length..].CopyTo(_tail);
                return;
            }

            _tail.AsSpan(bytes.Length).CopyTo(_tail);
            bytes.CopyTo(_tail.AsSpan(_tail.Length - bytes.Length));
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
