namespace Rfc.Documents.Index;

/// <summary>Which of the RFC Editor's index formats a stream holds.</summary>
public enum IndexFormat
{
    /// <summary>Neither: empty, binary, or something else.</summary>
    Unknown,

    /// <summary><c>rfc-index.xml</c>.</summary>
    Xml,

    /// <summary><c>rfc-index.txt</c> (or <c>rfc-index-latest.txt</c>).</summary>
    Text,
}
