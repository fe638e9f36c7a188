using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;

namespace Rfc.Documents.Index;

/// <summary>
/// Reads <c>rfc-index.xml</c> one entry at a time (the file is about 14 MB): an <see cref="XmlReader"/> walks
/// the document and only the current entry is materialised. Lenient where the published index has varied:
/// elements are matched by local name in any namespace (<c>http://</c> and <c>https://www.rfc-editor.org/rfc-index</c>
/// have both been used), <c>doc-id</c> may be zero-padded or not, optional elements may be missing, format values
/// outside the schema are kept, and entries without a usable <c>doc-id</c> are skipped rather than fatal.
/// </summary>
internal static class RfcIndexXmlParser
{
    /// <summary>Reads every RFC, not-issued and sub-series entry, in document order. The stream is left open.</summary>
    public static async IAsyncEnumerable<IndexRecord> ParseAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using XmlReader reader = XmlReader.Create(stream, CreateSettings());
        await foreach (IndexRecord record in ParseAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    /// <summary>Reads every entry from already-decoded XML text.</summary>
    public static async IAsyncEnumerable<IndexRecord> ParseAsync(TextReader textReader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(textReader);
        using XmlReader reader = XmlReader.Create(textReader, CreateSettings());
        await foreach (IndexRecord record in ParseAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    private static XmlReaderSettings CreateSettings() => new()
    {
        Async = true,
        // The index has no DTD; refusing one closes off entity expansion attacks from a hostile mirror.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    private static async IAsyncEnumerable<IndexRecord> ParseAsync(XmlReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        bool more = await reader.ReadAsync().ConfigureAwait(false);
        while (more)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType == XmlNodeType.Element && IsEntry(reader.LocalName))
            {
                // ReadFromAsync consumes the whole element and leaves the reader on the node after it
                // (XElement.LoadAsync would insist the element is the whole document).
                var element = (XElement)await XNode.ReadFromAsync(reader, cancellationToken).ConfigureAwait(false);
                if (ToRecord(element) is IndexRecord record)
                {
                    yield return record;
                }

                more = !reader.EOF;
            }
            else
            {
                more = await reader.ReadAsync().ConfigureAwait(false);
            }
        }
    }

    private static bool IsEntry(string localName) =>
        localName is "rfc-entry" or "rfc-not-issued-entry" or "bcp-entry" or "std-entry" or "fyi-entry";

    /// <summary>Converts one entry element; null when it has no usable <c>doc-id</c>.</summary>
    internal static IndexRecord? ToRecord(XElement element)
    {
        if (!DocId.TryParse(Text(Child(element, "doc-id")), out DocId id))
        {
            return null;
        }

        return element.Name.LocalName switch
        {
            "rfc-entry" when id.IsRfc => ToRfcEntry(element, id.ToRfcNumber()),
            "rfc-not-issued-entry" when id.IsRfc => new RfcIndexEntry { Number = id.ToRfcNumber(), NotIssued = true },
            "bcp-entry" or "std-entry" or "fyi-entry" when !id.IsRfc => new SubseriesEntry(id)
            {
                Title = Text(Child(element, "title")),
                IsAlso = DocIds(Child(element, "is-also")),
            },
            _ => null,
        };
    }

    private static RfcIndexEntry ToRfcEntry(XElement element, RfcNumber number)
    {
        string? currentStatus = Text(Child(element, "current-status"));
        string? publicationStatus = Text(Child(element, "publication-status"));
        return new RfcIndexEntry
        {
            Number = number,
            Title = Text(Child(element, "title")) ?? "",
            Authors = [.. Children(element, "author").Select(ToAuthor).OfType<RfcAuthor>()],
            Date = ToDate(Child(element, "date")),
            // Old copies nested char-count and page-count inside <format>; only file-format names a format.
            Formats = [.. Descendants(Child(element, "format"), "file-format").Select(Text).OfType<string>()],
            PageCount = ToPageCount(element),
            CurrentStatus = RfcStatus.Parse(currentStatus),
            PublicationStatus = publicationStatus is null ? null : RfcStatus.Parse(publicationStatus),
            Stream = Text(Child(element, "stream")),
            Area = Text(Child(element, "area")),
            WorkingGroup = Text(Child(element, "wg_acronym")),
            Keywords = [.. Descendants(Child(element, "keywords"), "kw").Select(Text).OfType<string>()],
            Abstract = ToAbstract(Child(element, "abstract")),
            Draft = Text(Child(element, "draft")),
            Doi = Text(Child(element, "doi")),
            ErrataUrl = Text(Child(element, "errata-url")),
            Obsoletes = DocIds(Child(element, "obsoletes")),
            ObsoletedBy = DocIds(Child(element, "obsoleted-by")),
            Updates = DocIds(Child(element, "updates")),
            UpdatedBy = DocIds(Child(element, "updated-by")),
            IsAlso = DocIds(Child(element, "is-also")),
            SeeAlso = DocIds(Child(element, "see-also")),
        };
    }

    private static RfcAuthor? ToAuthor(XElement author) =>
        Text(Child(author, "name")) is string name ? new RfcAuthor(name, Text(Child(author, "title"))) : null;

    private static RfcDate? ToDate(XElement? date)
    {
        if (date is null
            || !int.TryParse(Text(Child(date, "year")), NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !RfcDate.TryParseMonth(Text(Child(date, "month")), out int month))
        {
            return null;
        }

        // The schema allows <day>, used for the April 1st RFCs.
        int? day = int.TryParse(Text(Child(date, "day")), NumberStyles.None, CultureInfo.InvariantCulture, out int d) && d is >= 1 and <= 31 ? d : null;
        return new RfcDate(year, month, day);
    }

    private static int? ToPageCount(XElement entry)
    {
        XElement? pages = Child(entry, "page-count") ?? Descendants(Child(entry, "format"), "page-count").FirstOrDefault();
        return int.TryParse(Text(pages), NumberStyles.None, CultureInfo.InvariantCulture, out int count) ? count : null;
    }

    private static string? ToAbstract(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        IEnumerable<string?> paragraphs = Descendants(element, "p").Any()
            ? Descendants(element, "p").Select(Text)
            : [Text(element)];

        // Some abstracts hold &#13; (RFC 9979): the reader keeps a CR that a character reference produced, so normalise it here.
        string[] kept = [.. paragraphs.OfType<string>().Select(p => p.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))];
        return kept.Length == 0 ? null : string.Join("\n\n", kept);
    }

    private static List<DocId> DocIds(XElement? list)
    {
        var ids = new List<DocId>();
        foreach (XElement docId in Descendants(list, "doc-id"))
        {
            if (DocId.TryParse(Text(docId), out DocId id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static IEnumerable<XElement> Children(XElement? parent, string localName) =>
        parent?.Elements().Where(e => e.Name.LocalName == localName) ?? [];

    private static IEnumerable<XElement> Descendants(XElement? parent, string localName) =>
        parent?.Descendants().Where(e => e.Name.LocalName == localName) ?? [];

    /// <summary>Trimmed text content, or null when the element is missing or empty.</summary>
    private static string? Text(XElement? element)
    {
        string? value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
