using System.Collections;

namespace Rfc;

/// <summary>
/// The results of <see cref="RfcClient.SearchIndex"/>, best first, with what was actually searched for (after spelling
/// correction) and whether none of them has every word of the query.
/// </summary>
public sealed class RfcSearchResults(IReadOnlyList<RfcSearchHit> hits, string searchedFor, bool isCorrected, bool isPartial) : IReadOnlyList<RfcSearchHit>
{
    /// <summary>The query as searched: the words typed, or their corrections from the index's vocabulary.</summary>
    public string SearchedFor { get; } = searchedFor;

    /// <summary>True when a misspelt word was replaced (<see cref="SearchedFor"/> says by what).</summary>
    public bool IsCorrected { get; } = isCorrected;

    /// <summary>True when no RFC matched every word, so every hit is a partial match (<see cref="RfcSearchHit.IsPartial"/>).</summary>
    public bool IsPartial { get; } = isPartial;

    /// <inheritdoc />
    public int Count => hits.Count;

    /// <inheritdoc />
    public RfcSearchHit this[int index] => hits[index];

    /// <inheritdoc />
    public IEnumerator<RfcSearchHit> GetEnumerator() => hits.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
