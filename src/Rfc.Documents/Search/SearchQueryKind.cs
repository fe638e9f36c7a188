namespace Rfc.Documents.Search;

/// <summary>What a search query asks for.</summary>
internal enum SearchQueryKind
{
    /// <summary>Words to rank RFCs by.</summary>
    Words,

    /// <summary>An RFC number (<c>9110</c>, <c>rfc 9110</c>): that RFC.</summary>
    Number,

    /// <summary>A sub-series document (<c>bcp 14</c>, <c>std 7</c>): its RFCs.</summary>
    Subseries,

    /// <summary>An FTS5 expression (quotes, AND/OR/NOT, prefix*): passed through, ranked by text and standing only.</summary>
    Expression,
}
