namespace Rfc.Documents.Sections;

/// <summary>One line of a table of contents.</summary>
/// <param name="Number">The section number (<c>1.1</c>, <c>A</c>), or null for an unnumbered entry such as <c>Index</c>.</param>
/// <param name="Title">The entry's title, wrapped lines joined.</param>
/// <param name="Level">1 for top level, 2 for <c>1.1</c>, and so on.</param>
/// <param name="Page">The page the old paginated format gives (<c>7</c>, <c>iii</c>); null in v3 RFCs and in a table built from headings.</param>
public sealed record TocEntry(string? Number, string Title, int Level, string? Page = null);
