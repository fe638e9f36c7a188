using Rfc.Documents;

namespace Rfc.Served;

/// <summary>One result of the full-text search over stored documents, as <c>rfc search --full-text</c> shows it.</summary>
/// <param name="Number">The RFC.</param>
/// <param name="Title">Its title when the index knows it.</param>
/// <param name="Snippet">A verbatim slice of the text; each match lies between <see cref="HighlightStart"/> and <see cref="HighlightEnd"/>.</param>
/// <param name="Page">The page the snippet is on, when the document is paginated.</param>
/// <param name="Section">The number or title of the section it is in, when found.</param>
public sealed record ServedTextHit(RfcNumber Number, string? Title, string Snippet, int? Page, string? Section)
{
    /// <summary>Starts a matched word in <see cref="Snippet"/> (a control character never found in RFC text).</summary>
    public const char HighlightStart = '\u0002';

    /// <summary>Ends a matched word in <see cref="Snippet"/>.</summary>
    public const char HighlightEnd = '\u0003';
}
