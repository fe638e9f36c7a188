namespace Rfc.Storage;

/// <summary>What an index update did.</summary>
/// <param name="Added">RFC entries that were not in the store.</param>
/// <param name="Changed">RFC entries whose content changed.</param>
/// <param name="Unchanged">RFC entries that were already stored exactly so.</param>
/// <param name="Subseries">Sub-series (BCP, STD, FYI) entries read.</param>
internal sealed record IndexUpdateCounts(int Added, int Changed, int Unchanged, int Subseries)
{
    /// <summary>Every RFC entry read.</summary>
    public int Total => Added + Changed + Unchanged;
}
