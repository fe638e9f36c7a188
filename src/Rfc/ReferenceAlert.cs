namespace Rfc;

/// <summary>What <c>rfc refs</c> flags about a cited document.</summary>
public enum ReferenceAlert
{
    /// <summary>The cited RFC is obsoleted; <see cref="ReferenceFinding.ReplacedBy"/> names the current ones.</summary>
    Obsolete,

    /// <summary>The cited RFC has been updated (since the citing RFC, when that is an RFC); <see cref="ReferenceFinding.UpdatedBy"/> lists them.</summary>
    Updated,

    /// <summary>A normative reference from a standards-track document to an Informational, Experimental or Historic RFC or to an Internet-Draft (RFC 3967, RFC 8067).</summary>
    Downref,

    /// <summary>The index lists the cited number as "Not Issued".</summary>
    NotIssued,

    /// <summary>The cited number is not in the local index at all.</summary>
    Unknown,
}
