namespace Rfc.Documents.Errata;

/// <summary>What <see cref="ErrataParser"/> found: the records, and how many it skipped for lacking an id or an RFC.</summary>
internal sealed record ErrataParseResult(IReadOnlyList<ErrataRecord> Records, int Skipped);
