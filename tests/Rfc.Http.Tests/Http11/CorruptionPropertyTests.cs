using CsCheck;
using Rfc.Http.Http11;
using Xunit;

namespace Rfc.Http.Tests.Http11;

/// <summary>
/// Random corruption of valid responses (byte flips, insertions, deletions, truncation) only ever gives a
/// typed parse error or a response: never another exception, never a hang, and the same outcome whether the
/// bytes arrive whole or in pieces.
/// </summary>
public sealed class CorruptionPropertyTests
{
    private const int Iterations = 20_000;

    // Bytes that change the meaning of HTTP framing are inserted more often than random ones.
    private static readonly byte[] s_interestingBytes = "\r\n \t:;=\"\\0123456789abcdefABCDEF,\0\x7f\xff"u8.ToArray();

    private static readonly byte[][] s_validResponses =
    [
        Wire.Bytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\nhello, world"),
        Wire.Bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=\"q;\\\"\"\r\nhello\r\n7\r\n, world\r\n0\r\nExpires: 0\r\n\r\n"),
        Wire.Bytes("HTTP/1.0 200 OK\r\nServer: t\r\n\r\nclose-delimited body"),
        Wire.Bytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 3\r\nConnection: close\r\n\r\nnope"),
        Wire.Bytes("HTTP/1.1 304 Not Modified\r\nETag: \"abc\"\r\nContent-Length: 10\r\n\r\n"),
        Wire.Bytes("HTTP/1.1 200 OK\nA: 1\n folded\nContent-Length: 2\n\nok"),
        Wire.Bytes("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: gzip, chunked\r\n\r\n1\r\na\r\n0\r\n\r\n"),
    ];

    private static readonly Gen<CorruptedResponse> s_corrupted =
        Gen.Select(Gen.Int[0, s_validResponses.Length - 1], Gen.Int[1, 6], Gen.Int, Gen.Bool, Gen.Int[1, 40])
            .Select((index, mutations, seed, head, pieceSize) =>
                new CorruptedResponse(Corrupt(s_validResponses[index], mutations, seed), head ? "HEAD" : "GET", pieceSize));

    [Fact(Timeout = 120_000)]
    public async Task Client_ReturnsResponseOrTypedError_WhenValidResponseIsCorrupted()
    {
        int samples = 0;

        await Task.Run(
            () => s_corrupted.Sample(
                sample =>
                {
                    Interlocked.Increment(ref samples);
                    ClientOutcome whole = ConnectionClient.RunAsync(sample.Raw, sample.Method).GetAwaiter().GetResult();
                    ClientOutcome pieces = ConnectionClient.RunAsync(Pieces.OfSize(sample.Raw, sample.PieceSize), sample.Method, ReadSize.Small).GetAwaiter().GetResult();
                    Assert.Equal(whole, pieces);
                },
                iter: Iterations,
                print: sample => Convert.ToBase64String(sample.Raw) + $" {sample.Method} pieces of {sample.PieceSize}"),
            TestContext.Current.CancellationToken);

        Assert.Equal(Iterations, samples);
    }

    [Fact]
    public async Task Corrupt_ProducesBothOutcomes_SoThePropertyIsNotVacuous()
    {
        int ok = 0, errors = 0;

        for (int seed = 0; seed < 2000; seed++)
        {
            byte[] raw = Corrupt(s_validResponses[seed % s_validResponses.Length], 1 + (seed % 3), seed);
            _ = (await ConnectionClient.RunAsync(raw)).IsOk ? ok++ : errors++;
        }

        Assert.InRange(ok, 100, 1900);
        Assert.InRange(errors, 100, 1900);
    }

    private static byte[] Corrupt(byte[] valid, int mutations, int seed)
    {
        Random random = new(seed);
        List<byte> bytes = [.. valid];
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            int at = random.Next(bytes.Count);
            byte value = random.Next(2) == 0 ? s_interestingBytes[random.Next(s_interestingBytes.Length)] : (byte)random.Next(256);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = value;
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    private sealed record CorruptedResponse(byte[] Raw, string Method, int PieceSize);
}
