using Rfc.Documents.Index;

namespace Rfc.Documents.Search;

/// <summary>What ranking knows about one RFC the store found for a query: the index entry's facts and its text score.</summary>
internal sealed record IndexCandidate
{
    /// <summary>The RFC.</summary>
    public required RfcNumber Number { get; init; }

    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary>Its keywords (the XML index only; empty from the text index).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Its current status.</summary>
    public RfcStatus Status { get; init; } = RfcStatus.Unknown;

    /// <summary>True when another RFC obsoletes it.</summary>
    public bool IsObsoleted { get; init; }

    /// <summary>When obsoleted, the RFCs at the ends of its obsoleted-by chain (its current versions), in number order; else empty.</summary>
    public IReadOnlyList<int> CurrentVersions { get; init; } = [];

    /// <summary>Its stream (<c>IETF</c>, <c>IAB</c>, <c>IRTF</c>, <c>INDEPENDENT</c>, <c>Legacy</c>), null when the index does not say.</summary>
    public string? Stream { get; init; }

    /// <summary>How many RFCs update it (either end of the relation, as the index states it).</summary>
    public int UpdatedBy { get; init; }

    /// <summary>How many stored documents cite it, when documents are stored; 0 otherwise.</summary>
    public int CitedBy { get; init; }

    /// <summary>True when it belongs to a sub-series (STD, BCP, FYI): the RFC Editor's own mark of a document to read.</summary>
    public bool InSubseries { get; init; }

    /// <summary>The store's text relevance (bm25 negated, so higher is better; 0 when not a text match).</summary>
    public double TextScore { get; init; }

    /// <summary>True when the entry holds every word of the query (title, abstract or keywords); false for a partial match.</summary>
    public bool MatchesAll { get; init; } = true;
}
