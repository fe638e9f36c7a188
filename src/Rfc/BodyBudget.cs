namespace Rfc;

/// <summary>
/// One memory budget for every document body being read at once in the process, so an endless body in each of
/// the mirror's workers cannot add up to gigabytes: each worker may hold at most
/// <see cref="RfcClient.MaxDocumentBytes"/>, and all of them together at most <see cref="DefaultLimit"/>.
/// A body that would pass the budget fails; the others go on.
/// </summary>
internal sealed class BodyBudget(long limit)
{
    /// <summary>
    /// 128 MiB of bodies in flight: two documents at the per-document cap, or hundreds of real RFCs (the largest
    /// is about 1.6 MB). The process's peak stays a few hundred MB however many jobs run.
    /// </summary>
    public const long DefaultLimit = 128L * 1024 * 1024;

    private long _used;

    /// <summary>The budget every <see cref="RfcClient"/> in the process shares.</summary>
    public static BodyBudget Shared { get; } = new(DefaultLimit);

    /// <summary>The budget's size in bytes.</summary>
    public long Limit => limit;

    /// <summary>Takes <paramref name="bytes"/> from the budget; false (and nothing taken) when it would pass the limit.</summary>
    public bool TryReserve(long bytes)
    {
        if (Interlocked.Add(ref _used, bytes) <= limit)
        {
            return true;
        }

        Interlocked.Add(ref _used, -bytes);
        return false;
    }

    /// <summary>Gives back <paramref name="bytes"/> reserved earlier.</summary>
    public void Release(long bytes) => Interlocked.Add(ref _used, -bytes);
}
