namespace Rfc.Documents.Sections;

/// <summary>A section of an RFC: its heading and its text, from the heading line to just before the next heading of the same or a higher level.</summary>
/// <param name="Heading">The heading that starts the section.</param>
/// <param name="Text">The section's text including the heading line, pagination removed, without trailing blank lines.</param>
public sealed record RfcSection(RfcHeading Heading, string Text);
