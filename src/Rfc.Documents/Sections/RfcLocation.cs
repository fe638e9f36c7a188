namespace Rfc.Documents.Sections;

/// <summary>Where a position in an RFC's text sits, as a reader would cite it.</summary>
/// <param name="Page">The page in a paginated RFC (from its <c>[Page N]</c> footers); null when the text has none (v3 RFCs).</param>
/// <param name="Heading">The nearest heading at or before the position, or null when it comes before every heading.</param>
internal sealed record RfcLocation(int? Page, RfcHeading? Heading);
