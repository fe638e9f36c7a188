using Rfc.Documents;
using Rfc.Documents.Index;
using Rfc.Documents.Search;

namespace Rfc;

/// <summary>Filters for <see cref="RfcClient.SearchIndex"/>; null means no filter.</summary>
public sealed record RfcSearchFilter
{
    /// <summary>The default number of results.</summary>
    public const int DefaultLimit = 20;

    /// <summary>Only RFCs whose current status has this display text (<c>PROPOSED STANDARD</c>).</summary>
    public string? Status { get; init; }

    /// <summary>Only RFCs published in or after this year.</summary>
    public int? Since { get; init; }

    /// <summary>Only RFCs with an author whose name contains this text.</summary>
    public string? Author { get; init; }

    /// <summary>Only RFCs from this working group (acronym).</summary>
    public string? WorkingGroup { get; init; }

    /// <summary>At most this many results.</summary>
    public int Limit { get; init; } = DefaultLimit;
}

/// <summary>One result of <see cref="RfcClient.SearchIndex"/>.</summary>
/// <param name="Number">The RFC.</param>
/// <param name="Title">Its title.</param>
/// <param name="Date">Its publication month.</param>
/// <param name="Status">Its current status.</param>
/// <param name="IsObsoleted">True when another RFC obsoletes it.</param>
/// <param name="CurrentVersions">For an obsolete RFC, the ends of its obsoleted-by chain.</param>
/// <param name="Score">The ranking score (higher is better): <see cref="ScoreParts.Total"/> of <see cref="Parts"/>.</param>
public sealed record RfcSearchHit(RfcNumber Number, string Title, RfcDate? Date, RfcStatus Status, bool IsObsoleted, IReadOnlyList<RfcNumber> CurrentVersions, double Score)
{
    /// <summary>The signals the score is made of (name, standing, centrality, …), so callers can show why it ranks there.</summary>
    public ScoreParts Parts { get; init; }

    /// <summary>True when it has only some of the query's words (listed after every RFC that has them all).</summary>
    public bool IsPartial { get; init; }
}

/// <summary>One result of <see cref="RfcClient.SearchText"/>.</summary>
/// <param name="Number">The RFC.</param>
/// <param name="Title">Its title, when the index knows it.</param>
/// <param name="Snippet">The matching text, matched words between <see cref="HighlightStart"/> and <see cref="HighlightEnd"/>.</param>
/// <param name="Page">The page the snippet is on, for paginated RFCs.</param>
/// <param name="Section">The section the snippet is in, when one is found.</param>
/// <param name="Score">The ranking score (higher is better): <see cref="FullTextScoreParts.Total"/> of <see cref="Parts"/>.</param>
public sealed record RfcTextHit(RfcNumber Number, string? Title, string Snippet, int? Page, string? Section, double Score)
{
    /// <summary>The score's parts (bm25, relevance, standing, centrality), so callers can show why it ranks there.</summary>
    public FullTextScoreParts Parts { get; init; }

    /// <summary>Marks the start of a matched word in <see cref="Snippet"/> (a control character no RFC text contains).</summary>
    public const char HighlightStart = Storage.RfcStore.HighlightStart;

    /// <summary>Marks the end of a matched word in <see cref="Snippet"/>.</summary>
    public const char HighlightEnd = Storage.RfcStore.HighlightEnd;
}
