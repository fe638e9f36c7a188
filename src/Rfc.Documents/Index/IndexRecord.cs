namespace Rfc.Documents.Index;

/// <summary>One record of the RFC Editor index: an RFC (issued or not) or a sub-series (BCP, STD, FYI) entry.</summary>
public abstract record IndexRecord
{
    /// <summary>The record's own identifier, e.g. <c>RFC2616</c> or <c>BCP14</c>.</summary>
    public abstract DocId Id { get; }
}
