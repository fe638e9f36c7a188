using System.Text;
using System.Xml;
using Rfc.Documents;
using Rfc.Documents.Index;
using Rfc.Documents.Sections;
using Rfc.Documents.Text;

namespace Rfc.Fuzz;

/// <summary>Targets for the pure document code: the two index parsers and the section/TOC locator.</summary>
internal static class DocumentTargets
{
    /// <summary>
    /// <see cref="RfcIndexTextParser"/> over the input as a whole index; only <see cref="IndexFormatException"/>
    /// (a line or entry over the limit) may escape. Every entry's title round-trips through its number's forms.
    /// </summary>
    public static void TextIndex(byte[] input)
    {
        try
        {
            foreach (RfcIndexEntry entry in Collect(RfcIndexTextParser.ParseAsync(new MemoryStream(input, writable: false))).OfType<RfcIndexEntry>())
            {
                CheckNumber(entry.Number);
            }
        }
        catch (IndexFormatException)
        {
        }
    }

    /// <summary><see cref="RfcIndexXmlParser"/>: malformed XML is an <see cref="XmlException"/>, nothing else.</summary>
    public static void XmlIndex(byte[] input)
    {
        try
        {
            foreach (IndexRecord record in Collect(RfcIndexXmlParser.ParseAsync(new MemoryStream(input, writable: false))))
            {
                if (record is RfcIndexEntry entry)
                {
                    CheckNumber(entry.Number);
                }
            }
        }
        catch (XmlException)
        {
        }
        catch (IndexFormatException)
        {
        }
    }

    /// <summary>
    /// <see cref="RfcOutline"/> and <see cref="RfcTextLocator"/>: the input decoded as an RFC's text; every heading's
    /// section, a lookup by every heading's number and title, by the input's first line (as a user's
    /// <c>--section</c>), and the location of a few offsets. A section found must contain its heading's line.
    /// </summary>
    public static void Sections(byte[] input)
    {
        string text = RfcTextDecoder.Decode(input);
        RfcOutline document = RfcOutline.Parse(text);
        _ = document.TableOfContents.Count;
        foreach (RfcHeading heading in document.Headings)
        {
            RfcSection section = document.GetSection(heading);
            FuzzCheck.That(section.Heading == heading, "a section of another heading");
            if (heading.Number is not null)
            {
                FuzzCheck.That(document.FindSectionByNumber(heading.Number) is not null, "a heading's own number finds nothing");
            }

            _ = document.FindSectionByTitle(heading.Title);
        }

        int firstLine = text.IndexOf('\n', StringComparison.Ordinal);
        string query = firstLine < 0 ? text : text[..firstLine];
        if (query.Length <= 200)
        {
            _ = document.FindSection(query);
        }

        foreach (int offset in (int[])[0, text.Length / 3, text.Length / 2, text.Length])
        {
            RfcLocation location = RfcTextLocator.Locate(text, document, offset);
            FuzzCheck.That(location.Page is null or >= 0, "a negative page");
        }

        if (text.Length <= 4096)
        {
            _ = RfcTextLocator.Locate(text, text.Length / 2);
        }
    }

    /// <summary>An RFC number survives its own text forms.</summary>
    private static void CheckNumber(RfcNumber number)
    {
        FuzzCheck.That(RfcNumber.TryParse(number.ToString(), out RfcNumber back) && back == number, "an entry's number does not round-trip");
        FuzzCheck.That(RfcNumber.TryParse("RFC" + number.ToString(), out back) && back == number, "an entry's RFCnnnn does not round-trip");
    }

    private static List<T> Collect<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        IAsyncEnumerator<T> e = source.GetAsyncEnumerator();
        try
        {
            while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                list.Add(e.Current);
            }
        }
        finally
        {
            e.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return list;
    }
}
