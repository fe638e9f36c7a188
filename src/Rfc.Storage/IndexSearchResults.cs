using System.Collections;

namespace Rfc.Storage;

/// <summary>
/// The results of <see cref="RfcStore.SearchIndex"/>, best first, with what was actually searched for (after spelling
/// correction) and whether they match only part of the query.
/// </summary>
internal sealed class IndexSearchResults(IReadOnlyList<IndexSearchHit> hits, string searchedFor, bool isCorrected, bool isPartial) : IReadOnlyList<IndexSearchHit>
{
    /// <summary>The query as searched: the words typed, or their corrections from the index's vocabulary.</summary>
    public string SearchedFor { get; } = searchedFor;

    /// <summary>True when a word was replaced by a spelling correction (<see cref="SearchedFor"/> differs from the query).</summary>
    public bool IsCorrected { get; } = isCorrected;

    /// <summary>True when nothing matched every word, so these are all the best matches of some of them (see <see cref="IndexSearchHit.IsPartial"/>).</summary>
    public bool IsPartial { get; } = isPartial;

    /// <inheritdoc />
    public int Count => hits.Count;

    /// <inheritdoc />
    public IndexSearchHit this[int index] => hits[index];

    /// <inheritdoc />
    public IEnumerator<IndexSearchHit> GetEnumerator() => hits.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
