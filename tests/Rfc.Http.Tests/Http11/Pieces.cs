using Xunit;

namespace Rfc.Http.Tests.Http11;

/// <summary>Ways the network can deliver the same bytes: whole, cut once, or in pieces of one size.</summary>
internal static class Pieces
{
    public static IEnumerable<ReadOnlyMemory<byte>> Whole(byte[] raw)
    {
        yield return raw;
    }

    public static IEnumerable<ReadOnlyMemory<byte>> CutAt(byte[] raw, int cut)
    {
        yield return raw.AsMemory(0, cut);
        yield return raw.AsMemory(cut);
    }

    public static IEnumerable<ReadOnlyMemory<byte>> OfSize(byte[] raw, int size)
    {
        for (int offset = 0; offset < raw.Length; offset += size)
        {
            yield return raw.AsMemory(offset, Math.Min(size, raw.Length - offset));
        }
    }

    /// <summary>
    /// Checks that every cut position and every piece size gives the same outcome as the whole input, in both
    /// chunked modes; returns the whole-input outcome.
    /// </summary>
    public static ClientOutcome AssertSameOutcomeForEverySplit(byte[] raw, string method = "GET")
    {
        ClientOutcome whole = ResponseClient.Run(raw, method);
        Assert.Equal(whole, ResponseClient.Run(Whole(raw), method, ChunkedMode.CopyToSmallBuffer));
        for (int cut = 0; cut <= raw.Length; cut++)
        {
            ClientOutcome split = ResponseClient.Run(CutAt(raw, cut), method);
            if (!whole.Equals(split))
            {
                Assert.Fail($"cut at {cut}: {split}\nwhole: {whole}");
            }
        }

        for (int size = 1; size < raw.Length; size++)
        {
            foreach (ChunkedMode mode in (ChunkedMode[])[ChunkedMode.ZeroCopy, ChunkedMode.CopyToSmallBuffer])
            {
                ClientOutcome split = ResponseClient.Run(OfSize(raw, size), method, mode);
                if (!whole.Equals(split))
                {
                    Assert.Fail($"pieces of {size} ({mode}): {split}\nwhole: {whole}");
                }
            }
        }

        return whole;
    }
}
