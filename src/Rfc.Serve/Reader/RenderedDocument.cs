namespace Rfc.Serve.Reader;

/// <summary>A document rendered for the reader: the preformatted body and the contents that point into it.</summary>
/// <param name="Body">The <c>&lt;pre&gt;</c> element, every piece of text escaped.</param>
/// <param name="Contents">The table of contents, each entry with the anchor its heading got (null when none).</param>
internal sealed record RenderedDocument(string Body, IReadOnlyList<(string? Number, string Title, int Level, string? Anchor)> Contents);
