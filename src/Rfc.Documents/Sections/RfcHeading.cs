namespace Rfc.Documents.Sections;

/// <summary>A section heading found in an RFC's text.</summary>
/// <param name="Number">The section number without a trailing period (<c>8.8.3</c>, <c>A</c>, <c>B.1</c>); null for an unnumbered heading such as <c>Abstract</c>.</param>
/// <param name="Title">The heading text after the number.</param>
/// <param name="Level">1 for a top-level section or appendix (and every unnumbered heading), 2 for <c>1.1</c> or <c>A.1</c>, and so on.</param>
/// <param name="Line">The heading's zero-based line index in <see cref="RfcOutline.Lines"/>.</param>
public sealed record RfcHeading(string? Number, string Title, int Level, int Line)
{
    /// <summary>The heading as it would appear in a table of contents: <c>8.8.3. Last-Modified</c>.</summary>
    public override string ToString() => Number is null ? Title : $"{Number}. {Title}";
}
