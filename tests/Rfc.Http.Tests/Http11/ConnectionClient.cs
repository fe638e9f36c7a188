using System.Text;
using Rfc.Http.Http11;
using Rfc.Transport;

namespace Rfc.Http.Tests.Http11;

/// <summary>How the test reads the body out of the real body stream.</summary>
internal enum ReadSize
{
    /// <summary>Reads of 16 KiB: whole chunks at once.</summary>
    Large,

    /// <summary>Reads of 7 bytes, smaller than most chunks, so the chunked decoder stops mid-chunk.</summary>
    Small,
}

/// <summary>
/// Runs one response through the socket transport's own code: a real <see cref="Http11Connection"/> over a
/// stream that delivers the bytes in the given pieces (then end of stream: the server closed), the real head
/// reading, framing and body streams (<see cref="SocketHttpTransport.ReadResponseAsync"/>). Only a
/// <see cref="FetchException"/> is an outcome; anything else escapes and fails the test.
/// </summary>
internal static class ConnectionClient
{
    private static readonly Uri s_uri = new("http://test.invalid/");

    public static Task<ClientOutcome> RunAsync(byte[] raw, string method = "GET", ReadSize size = ReadSize.Large) =>
        RunAsync(Pieces.Whole(raw), method, size);

    public static async Task<ClientOutcome> RunAsync(IEnumerable<ReadOnlyMemory<byte>> pieces, string method = "GET", ReadSize size = ReadSize.Large)
    {
        await using Http11ConnectionPool pool = new();
        Http11Connection connection = new(socket: null, new PiecesStream(pieces), "test", TimeSpan.FromSeconds(30));
        Http11Exchange exchange = new(connection, pool, s_uri, trace: null, started: 0);
        try
        {
            if (await SocketHttpTransport.ReadResponseAsync(exchange, method, CancellationToken.None) is not var (head, framing, stream))
            {
                return ClientOutcome.Failed(HttpErrors.NoResponse(s_uri));
            }

            await using (stream)
            {
                byte[] body = await ReadToEndAsync(stream, size == ReadSize.Small ? 7 : 16 * 1024);
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
        }
        catch (FetchException e)
        {
            return ClientOutcome.Failed(e);
        }
        finally
        {
            await exchange.DisposeAsync();
        }
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream, int readSize)
    {
        using MemoryStream body = new();
        byte[] buffer = new byte[readSize];
        int read;
        while ((read = await stream.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            body.Write(buffer, 0, read);
        }

        return body.ToArray();
    }

    /// <summary>The network, as the test scripts it: each read returns (part of) the next piece; empty pieces are skipped.</summary>
    private sealed class PiecesStream(IEnumerable<ReadOnlyMemory<byte>> pieces) : ReadOnlyStream
    {
        private readonly IEnumerator<ReadOnlyMemory<byte>> _pieces = pieces.GetEnumerator();
        private ReadOnlyMemory<byte> _current;

        public override bool CanWrite => true;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (_current.IsEmpty)
            {
                if (!_pieces.MoveNext())
                {
                    return ValueTask.FromResult(0);
                }

                _current = _pieces.Current;
            }

            int n = Math.Min(buffer.Length, _current.Length);
            _current.Span[..n].CopyTo(buffer.Span);
            _current = _current[n..];
            return ValueTask.FromResult(n);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _pieces.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
