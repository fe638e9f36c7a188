using System.Text;

namespace Rfc.Documents.Index;

/// <summary>
/// A current or publication status. Parsing never fails: a value the index has not used before becomes
/// <see cref="RfcStatusKind.Other"/> with its text kept, so a new status in tomorrow's index is shown, not lost.
/// </summary>
public readonly record struct RfcStatus
{
    // Null only in default(RfcStatus), which reads as UNKNOWN.
    private readonly string? _text;

    private RfcStatus(RfcStatusKind kind, string text)
    {
        Kind = kind;
        _text = text;
    }

    /// <summary>The normalised status.</summary>
    public RfcStatusKind Kind { get; }

    /// <summary>Display text: the index's spelling (<c>PROPOSED STANDARD</c>), or the raw value for <see cref="RfcStatusKind.Other"/>.</summary>
    public string Text => _text ?? "UNKNOWN";

    /// <summary><c>UNKNOWN</c>.</summary>
    public static RfcStatus Unknown { get; } = new(RfcStatusKind.Unknown, "UNKNOWN");

    /// <summary><c>PROPOSED STANDARD</c>.</summary>
    public static RfcStatus ProposedStandard { get; } = new(RfcStatusKind.ProposedStandard, "PROPOSED STANDARD");

    /// <summary><c>DRAFT STANDARD</c>.</summary>
    public static RfcStatus DraftStandard { get; } = new(RfcStatusKind.DraftStandard, "DRAFT STANDARD");

    /// <summary><c>INTERNET STANDARD</c>.</summary>
    public static RfcStatus InternetStandard { get; } = new(RfcStatusKind.InternetStandard, "INTERNET STANDARD");

    /// <summary><c>BEST CURRENT PRACTICE</c>.</summary>
    public static RfcStatus BestCurrentPractice { get; } = new(RfcStatusKind.BestCurrentPractice, "BEST CURRENT PRACTICE");

    /// <summary><c>INFORMATIONAL</c>.</summary>
    public static RfcStatus Informational { get; } = new(RfcStatusKind.Informational, "INFORMATIONAL");

    /// <summary><c>EXPERIMENTAL</c>.</summary>
    public static RfcStatus Experimental { get; } = new(RfcStatusKind.Experimental, "EXPERIMENTAL");

    /// <summary><c>HISTORIC</c>.</summary>
    public static RfcStatus Historic { get; } = new(RfcStatusKind.Historic, "HISTORIC");

    /// <summary>
    /// Normalises a status as either index spells it: case and runs of spaces do not matter, and the
    /// XML index's <c>STANDARD</c> is <see cref="RfcStatusKind.InternetStandard"/>. Never throws.
    /// </summary>
    public static RfcStatus Parse(string? text)
    {
        // The store keeps the canonical text (what this method returns), so a search reading hundreds of entries
        // finds it here without splitting, joining and upper-casing each one.
        RfcStatus? canonical = text switch
        {
            "UNKNOWN" => Unknown,
            "PROPOSED STANDARD" => ProposedStandard,
            "DRAFT STANDARD" => DraftStandard,
            "INTERNET STANDARD" => InternetStandard,
            "BEST CURRENT PRACTICE" => BestCurrentPractice,
            "INFORMATIONAL" => Informational,
            "EXPERIMENTAL" => Experimental,
            "HISTORIC" => Historic,
            _ => null,
        };
        if (canonical is { } known)
        {
            return known;
        }

        string normalised = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        return normalised switch
        {
            "" or "UNKNOWN" => Unknown,
            "PROPOSED STANDARD" => ProposedStandard,
            "DRAFT STANDARD" => DraftStandard,
            // rfc-index.xml writes INTERNET STANDARD; older copies and the schema's enumeration also used STANDARD.
            "INTERNET STANDARD" or "STANDARD" => InternetStandard,
            "BEST CURRENT PRACTICE" => BestCurrentPractice,
            "INFORMATIONAL" => Informational,
            "EXPERIMENTAL" => Experimental,
            "HISTORIC" => Historic,
            _ => new RfcStatus(RfcStatusKind.Other, normalised),
        };
    }

    /// <summary>
    /// As <see cref="Parse"/>, from UTF-8 read in place (a store column): the canonical spellings the store keeps are
    /// matched without making a string (a search reads hundreds of statuses, and its fresh memory is page faults).
    /// </summary>
    internal static RfcStatus ParseUtf8(ReadOnlySpan<byte> utf8) =>
        utf8.SequenceEqual("PROPOSED STANDARD"u8) ? ProposedStandard
        : utf8.SequenceEqual("INFORMATIONAL"u8) ? Informational
        : utf8.SequenceEqual("UNKNOWN"u8) ? Unknown
        : utf8.SequenceEqual("EXPERIMENTAL"u8) ? Experimental
        : utf8.SequenceEqual("HISTORIC"u8) ? Historic
        : utf8.SequenceEqual("BEST CURRENT PRACTICE"u8) ? BestCurrentPractice
        : utf8.SequenceEqual("DRAFT STANDARD"u8) ? DraftStandard
        : utf8.SequenceEqual("INTERNET STANDARD"u8) ? InternetStandard
        : Parse(Encoding.UTF8.GetString(utf8));

    /// <summary>Equal when kind and display text are equal (so <c>default</c> equals <see cref="Unknown"/>).</summary>
    public bool Equals(RfcStatus other) => Kind == other.Kind && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(Text));

    /// <summary>The display text.</summary>
    public override string ToString() => Text;
}
