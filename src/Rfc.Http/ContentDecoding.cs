using System.IO.Compression;
using Rfc.Transport;

namespace Rfc.Http;

/// <summary>
/// Undoes the content codings a server applied (RFC 9110 §8.4). The RFC Editor's server sometimes sends
/// <c>Content-Encoding: gzip</c> to clients that did not ask for it; the document is always the decoded text.
/// Both transports decode here, so they agree byte for byte.
/// </summary>
public static class ContentDecoding
{
    /// <summary>
    /// Wraps <paramref name="body"/> to decode the codings named in <paramref name="contentEncoding"/>
    /// (applied in order, so decoded in reverse). Unknown codings are an HTTP-layer error: printing
    /// compressed bytes as if they were the document would be worse than failing.
    /// </summary>
    public static Stream Decode(Stream body, string? contentEncoding, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(contentEncoding))
        {
            return body;
        }

        string[] codings = contentEncoding.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Stream decoded = body;
        for (int i = codings.Length - 1; i >= 0; i--)
        {
            decoded = codings[i].ToUpperInvariant() switch
            {
                "IDENTITY" => decoded,
                "GZIP" or "X-GZIP" => DecodingErrorStream.Create(decoded, source => new GZipStream(source, CompressionMode.Decompress), uri, "gzip"),
                "DEFLATE" => DecodingErrorStream.Create(decoded, source => new ZlibOrRawDeflateStream(source), uri, "deflate"),
                _ => throw new FetchException(FetchLayer.Http, $"{uri.Authority} sent the body with an unsupported content coding '{codings[i]}'"),
            };
        }

        return decoded;
    }

    /// <summary>
    /// RFC 9110 §8.4.1.2: "deflate" is the zlib format (RFC 1950), but some servers send raw deflate
    /// (RFC 1951); the first two bytes tell which, as browsers do.
    /// </summary>
    private sealed class ZlibOrRawDeflateStream(Stream inner) : ReadOnlyStream
    {
        private Stream? _decoder;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _decoder ??= await ChooseAsync(cancellationToken).ConfigureAwait(false);
            return await _decoder.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        private async Task<Stream> ChooseAsync(CancellationToken cancellationToken)
        {
            byte[] head = new byte[2];
            int got = 0;
            while (got < head.Length)
            {
                int n = await inner.ReadAsync(head.AsMemory(got), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                got += n;
            }

            // A zlib header: CM = 8 in the low nibble of CMF, and CMF*256+FLG divisible by 31 (RFC 1950 §2.2).
            bool zlib = got == 2 && (head[0] & 0x0F) == 8 && ((head[0] << 8) | head[1]) % 31 == 0;
            Stream replay = new PrefixedStream(head.AsMemory(0, got), inner);
            return zlib ? new ZLibStream(replay, CompressionMode.Decompress) : new DeflateStream(replay, CompressionMode.Decompress);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                (_decoder ?? inner).Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Turns a corrupt or truncated compressed body into an HTTP-layer <see cref="FetchException"/>.</summary>
    /// <remarks>
    /// zlib reports some corrupt streams (an invalid block, a preset dictionary) as an internal <c>ZLibException</c>,
    /// an <see cref="IOException"/>, rather than <see cref="InvalidDataException"/> (found by fuzz/run.sh content). An
    /// IOException is the decoder's only when the compressed source did not throw it, which <see cref="SourceGuard"/> records.
    /// </remarks>
    private sealed class DecodingErrorStream(Stream inner, SourceGuard source, Uri uri, string coding) : ReadOnlyStream
    {
        public static DecodingErrorStream Create(Stream compressed, Func<Stream, Stream> decoder, Uri uri, string coding)
        {
            var source = new SourceGuard(compressed);
            return new DecodingErrorStream(decoder(source), source, uri, coding);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidDataException || (e is IOException && !source.Threw))
            {
                throw new FetchException(FetchLayer.Http, $"{uri.Authority} sent a corrupt {coding} body", e);
            }
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

    /// <summary>The compressed source as the decoder reads it, remembering whether a read of it threw.</summary>
    private sealed class SourceGuard(Stream inner) : ReadOnlyStream
    {
        public bool Threw { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                Threw = true;
                throw;
            }
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
