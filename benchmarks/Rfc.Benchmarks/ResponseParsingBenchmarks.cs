using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Rfc.Http.Http11;

namespace Rfc.Benchmarks;

/// <summary>
/// Parses a whole response (head, framing, body) from memory, as the socket connection will after its reads:
/// the head parser once, then the body copied out in 16 KiB reads (Content-Length) or decoded from 8 KiB
/// chunks. Body sizes are those of real RFCs: ~20 KB (a short RFC), ~200 KB (typical), ~1.5 MB (the largest).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ResponseParsingBenchmarks
{
    // What a body stream's caller typically asks for per read (Stream.CopyTo uses 80 KiB; File writes 4-16 KiB).
    private const int ReadBufferSize = 16 * 1024;

    // Chunk size seen from common servers (nginx and Kestrel flush at about 8 KiB).
    private const int ChunkSize = 8 * 1024;

    private readonly byte[] _destination = new byte[ReadBufferSize];
    private byte[] _contentLengthResponse = [];
    private byte[] _chunkedResponse = [];

    [Params(20_000, 200_000, 1_500_000)]
    public int BodySize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        byte[] body = SyntheticRfcText(BodySize);
        string head = "HTTP/1.1 200 OK\r\nDate: Mon, 23 Nov 2026 11:00:00 GMT\r\nServer: Apache\r\n"
            + "Last-Modified: Fri, 01 Jun 2022 00:00:00 GMT\r\nETag: \"4f2a-5e0c1a\"\r\nAccept-Ranges: bytes\r\n"
            + "Vary: Accept-Encoding\r\nContent-Type: text/plain; charset=UTF-8\r\n";
        _contentLengthResponse = [.. Encoding.ASCII.GetBytes(head + $"Content-Length: {body.Length}\r\n\r\n"), .. body];

        List<byte> chunked = [.. Encoding.ASCII.GetBytes(head + "Transfer-Encoding: chunked\r\n\r\n")];
        for (int offset = 0; offset < body.Length; offset += ChunkSize)
        {
            int length = Math.Min(ChunkSize, body.Length - offset);
            chunked.AddRange(Encoding.ASCII.GetBytes($"{length:x}\r\n"));
            chunked.AddRange(body.AsSpan(offset, length));
            chunked.AddRange("\r\n"u8);
        }

        chunked.AddRange("0\r\n\r\n"u8);
        _chunkedResponse = [.. chunked];
    }

    [Benchmark(Baseline = true)]
    public long ContentLength()
    {
        ReadOnlySpan<byte> input = _contentLengthResponse;
        BodyFraming framing = ParseHead(ref input);
        long remaining = framing.Length;
        while (remaining > 0)
        {
            int length = (int)Math.Min(remaining, _destination.Length);
            input[..length].CopyTo(_destination);
            input = input[length..];
            remaining -= length;
        }

        return framing.Length;
    }

    [Benchmark]
    public long ChunkedCopy()
    {
        ReadOnlySpan<byte> input = _chunkedResponse;
        ParseHead(ref input);
        ChunkedDecoder decoder = new();
        while (decoder.Decode(input, _destination, out int consumed, out _) != OperationStatus.Done)
        {
            input = input[consumed..];
        }

        return decoder.BodyLength;
    }

    private static BodyFraming ParseHead(ref ReadOnlySpan<byte> input)
    {
        if (!Http11ResponseParser.TryParseHead(input, out Http11ResponseHead? head, out int consumed))
        {
            throw new InvalidOperationException("benchmark response head is incomplete");
        }

        input = input[consumed..];
        return BodyFraming.Determine(head, "GET");
    }

    // Lines like an RFC's plain text: 72 columns, page breaks, ASCII only.
    private static byte[] SyntheticRfcText(int size)
    {
        const string line = "   The chunked transfer coding wraps content in order to transfer it   \n";
        StringBuilder text = new(size + line.Length);
        for (int i = 0; text.Length < size; i++)
        {
            text.Append(i % 56 == 55 ? "\f\n" : line);
        }

        return Encoding.ASCII.GetBytes(text.ToString(0, size));
    }

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn());
    }
}
