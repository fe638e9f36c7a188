using Rfc.Documents.Index;

namespace Rfc.Documents.Search;

/// <summary>
/// What the index says about an RFC regardless of the query: its standing (status, obsolescence, stream) and its
/// centrality (how many RFCs update or cite it). Pure functions, so index search and full-text search can order by
/// the same prior: among documents that match equally, the current standard first.
/// </summary>
internal static class StandingPrior
{
    /// <summary>
    /// The factor an obsoleted RFC's standing is multiplied by. Low enough that a replacement of any standards-track
    /// status ranks above it, not zero so an obsoleted RFC that names the query exactly still shows among the first.
    /// </summary>
    public const double ObsoletedFactor = 0.35;

    /// <summary>Updaters at which centrality saturates (1.0): the most-updated RFCs (DNS, IPv6, TLS) have about this many.</summary>
    public const int CentralitySaturation = 32;

    /// <summary>
    /// Status order, as RFC 2026 ranks maturity: Internet Standard, then Proposed and Draft Standard (RFC 6410
    /// merged the two), BCP, then Informational, Experimental, Unknown (mostly pre-1990 RFCs), Historic. The gaps were
    /// measured on the shared queries: a wider gap between standards track and Informational moved defining RFCs
    /// (SNMP, Kerberos) up without pushing Informational names (WebAuthn registries, TLS profiles) out of the top 3.
    /// </summary>
    public static double Status(RfcStatus status) => status.Kind switch
    {
        RfcStatusKind.InternetStandard => 1.0,
        RfcStatusKind.ProposedStandard or RfcStatusKind.DraftStandard => 0.8,
        RfcStatusKind.BestCurrentPractice => 0.7,
        RfcStatusKind.Informational => 0.4,
        RfcStatusKind.Experimental => 0.3,
        RfcStatusKind.Unknown => 0.25,
        RfcStatusKind.Historic => 0.1,
        _ => 0.25,
    };

    /// <summary>
    /// The stream's factor: the IETF stream (and the pre-stream Legacy RFCs) is consensus; IAB and IRTF documents
    /// are architecture and research; Independent Submissions are one author's view. Null (the text index) is neutral.
    /// </summary>
    public static double Stream(string? stream) => stream?.ToUpperInvariant() switch
    {
        null or "" or "IETF" or "LEGACY" => 1.0,
        "IAB" => 0.9,
        "IRTF" => 0.8,
        _ => 0.7,
    };

    /// <summary>
    /// What membership of a sub-series adds to the status: the RFC Editor lists an RFC under STD, BCP or FYI when it is
    /// the document to read for that topic (STD 62 is SNMP's core, not its hundreds of MIB modules). Measured: 0.25 put
    /// the core of SNMP and ARP above their extensions without lifting every BCP above standards.
    /// </summary>
    public const double SubseriesBonus = 0.25;

    /// <summary>
    /// Standing from 0 to 1.25: status (plus <see cref="SubseriesBonus"/> in a sub-series) times stream, times
    /// <see cref="ObsoletedFactor"/> when obsoleted.
    /// </summary>
    public static double Standing(RfcStatus status, bool isObsoleted, string? stream, bool inSubseries) =>
        (Status(status) + (inSubseries ? SubseriesBonus : 0)) * Stream(stream) * (isObsoleted ? ObsoletedFactor : 1.0);

    /// <summary>Centrality from 0 to 1: log of updaters plus citing documents, saturating at <see cref="CentralitySaturation"/>.</summary>
    public static double Centrality(int updatedBy, int citedBy)
    {
        int links = Math.Max(0, updatedBy) + Math.Max(0, citedBy);
        return Math.Min(1.0, Math.Log2(1 + links) / Math.Log2(1 + CentralitySaturation));
    }

    /// <summary>
    /// The whole prior for one candidate, 0 to about 1 (standing weighs twice centrality): the order full-text results
    /// that match equally well should take.
    /// </summary>
    public static double Of(IndexCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return ((2 * Standing(candidate.Status, candidate.IsObsoleted, candidate.Stream, candidate.InSubseries)) + Centrality(candidate.UpdatedBy, candidate.CitedBy)) / 3;
    }
}
