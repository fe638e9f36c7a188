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
    /// Checks that every cut position and every piece size gives the same outcome as the whole input, read in
    /// large and in small reads; returns the whole-input outcome.
    /// </summary>
    public static async Task<ClientOutcome> AssertSameOutcomeForEverySplitAsync(byte[] raw, string method = "GET")
    {
        ClientOutcome whole = await ConnectionClient.RunAsync(raw, method);
        Assert.Equal(whole, await ConnectionClient.RunAsync(Whole(raw), method, ReadSize.Small));
        for (int cut = 0; cut <= raw.Length; cut++)
        {
            ClientOutcome split = await ConnectionClient.RunAsync(CutAt(raw, cut), method);
            if (!whole.Equals(split))
            {
                Assert.Fail($"cut at {cut}: {split}\nwhole: {whole}");
            }
        }

        for (int size = 1; size < raw.Length; size++)
        {
            foreach (ReadSize mode in (ReadSize[])[ReadSize.Large, ReadSize.Small])
            {
                ClientOutcome split = await ConnectionClient.RunAsync(OfSize(raw, size), method, mode);
                if (!whole.Equals(split))
                {
                    Assert.Fail($"pieces of {size} ({mode}): {split}\nwhole: {whole}");
                }
            }
        }

        return whole;
    }
}
