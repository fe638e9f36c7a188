using System.Globalization;
using System.Text;
using Rfc.Documents;
using Rfc.Documents.Index;
using Rfc.Documents.Sections;
using Rfc.Documents.Text;
using Rfc.Storage;

namespace Rfc;

/// <summary>
/// The local library half of the façade: what the synced index says about an RFC (<c>rfc info</c>), the stored documents
/// (<c>rfc list</c>, <c>rfc cache clear</c>), sub-series names and "not issued" numbers, the current versions of an
/// obsolete RFC, and one section or the table of contents of a document.
/// </summary>
public sealed partial class RfcClient
{
    /// <summary>True when the local index holds entries (<c>rfc sync</c> ran at least once).</summary>
    public bool HasIndex => Store is { } store && FromStore(store.HasIndexEntries);

    /// <summary>Throws <see cref="RfcLibraryErrorKind.NoIndex"/> when the local index was never synced.</summary>
    public void RequireIndex()
    {
        if (!HasIndex)
        {
            throw new RfcLibraryException(RfcLibraryErrorKind.NoIndex, "the local RFC index is empty");
        }
    }

    /// <summary>
    /// What the index says about RFC <paramref name="number"/>, its relations both ways and its current versions. Throws
    /// <see cref="RfcLibraryException"/>: no index, not in the index, or not issued.
    /// </summary>
    public RfcInfo GetInfo(RfcNumber number)
    {
        RequireIndex();
        RfcInfo info = FindInfo(number)
            ?? throw new RfcLibraryException(RfcLibraryErrorKind.NotInIndex, $"RFC {number} is not in the local index") { Number = number };
        return info.Entry.NotIssued ? throw NotIssued(number) : info;
    }

    /// <summary>The index's entry for <paramref name="number"/> with its relations, or null when the index has none.</summary>
    public RfcInfo? FindInfo(RfcNumber number)
    {
        RfcStore store = RequiredStore;
        IndexedRfc? indexed = FromStore(() => store.GetIndexEntry(number));
        return indexed is null
            ? null
            : new RfcInfo(indexed.Entry, [.. indexed.Relations.Select(r => new RfcRelation(KindOf(r.Kind), r.Target, r.Title))], CurrentVersionsOf(number));
    }

    /// <summary>
    /// The RFCs that replace <paramref name="number"/>: the ends of its obsoleted-by chain in the local index; empty when it
    /// is current, unknown, or the client keeps no store.
    /// </summary>
    public IReadOnlyList<RfcNumber> CurrentVersionsOf(RfcNumber number) =>
        Reader?.TryGetCurrentVersions(number) ?? (Store is { } store ? FromStore(() => store.GetCurrentVersions(number)) : []);

    /// <summary>Throws <see cref="RfcLibraryErrorKind.NotIssued"/> when the local index lists <paramref name="number"/> as "Not Issued".</summary>
    public void RefuseNotIssued(RfcNumber number)
    {
        // The cached read asks this first: answered by the read-only fast path when it can, the store stays closed.
        if (Reader?.IsNotIssued(number) is bool notIssued)
        {
            if (notIssued)
            {
                throw NotIssued(number);
            }

            return;
        }

        if (Store is { } store && FromStore(() => store.GetIndexEntry(number)) is { Entry.NotIssued: true })
        {
            throw NotIssued(number);
        }
    }

    /// <summary>
    /// The RFCs a sub-series document (<c>BCP 14</c>, <c>STD 7</c>, <c>FYI 36</c>) consists of, from the local index.
    /// Throws <see cref="RfcLibraryException"/>: no index, or no RFC belongs to it.
    /// </summary>
    public Subseries ResolveSubseries(DocId id)
    {
        if (id.IsRfc)
        {
            throw new ArgumentException($"{id} is an RFC, not a sub-series document", nameof(id));
        }

        string name = $"{id.ToString()[..3]} {id.Number.ToString(CultureInfo.InvariantCulture)}";
        if (!HasIndex)
        {
            throw new RfcLibraryException(RfcLibraryErrorKind.NoIndex, $"{name} is a sub-series name and the local RFC index is empty");
        }

        RfcStore store = RequiredStore;
        string? title = null;
        IReadOnlyList<RfcNumber> members = FromStore(() => store.ResolveSubseries(id, out title));
        return members.Count == 0
            ? throw new RfcLibraryException(RfcLibraryErrorKind.NoSuchSubseries, $"{name} is not in the local RFC index")
            : new Subseries(id, name, title, members);
    }

    /// <summary>The documents in the local store, by number, with their titles when the index knows them.</summary>
    public IReadOnlyList<StoredRfc> ListStored()
    {
        RfcStore store = RequiredStore;
        return FromStore(() => store.ListDocuments().Select(d => new StoredRfc(d.Number, d.Size, d.FetchedAt, store.GetTitle(d.Number))).ToList());
    }

    /// <summary>
    /// Removes every stored document and its full-text index (the RFC index stays) and gives their space back;
    /// returns how many were removed. Works on a full disk: the index files are deleted before the store is opened.
    /// </summary>
    public int ClearStored()
    {
        if (Volatile.Read(ref _store) is null && _options.StoreDirectory is { } directory)
        {
            FromStore(() => RfcStore.DeleteFullText(directory));
        }

        RfcStore store = RequiredStore;
        return FromStore(store.ClearDocuments);
    }

    /// <summary>The table of contents of <paramref name="document"/>: its own when it has one, else built from its headings.</summary>
    public static IReadOnlyList<TocEntry> TableOfContents(RfcContent document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return RfcOutline.Parse(RfcTextDecoder.Decode(document.Content.Span)).TableOfContents;
    }

    /// <summary>
    /// One section of <paramref name="document"/>, by number (<c>8.8.3</c>, <c>A.1</c>) or title, as text. Throws
    /// <see cref="RfcLibraryErrorKind.NoSuchSection"/> when it has none such.
    /// </summary>
    public static string Section(RfcContent document, string section)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(section);
        RfcOutline outline = RfcOutline.Parse(RfcTextDecoder.Decode(document.Content.Span));
        return outline.FindSection(section)?.Text
            ?? throw new RfcLibraryException(RfcLibraryErrorKind.NoSuchSection, $"RFC {document.Number} has no section '{section}'") { Number = document.Number };
    }

    /// <summary>The document cut to <paramref name="text"/> (a section or the table of contents), as UTF-8.</summary>
    public static RfcContent WithText(RfcContent document, string text)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document with { Content = Encoding.UTF8.GetBytes(text) };
    }

    private static RfcRelationKind KindOf(IndexRelationKind kind) => kind switch
    {
        IndexRelationKind.Obsoletes => RfcRelationKind.Obsoletes,
        IndexRelationKind.ObsoletedBy => RfcRelationKind.ObsoletedBy,
        IndexRelationKind.Updates => RfcRelationKind.Updates,
        IndexRelationKind.UpdatedBy => RfcRelationKind.UpdatedBy,
        IndexRelationKind.IsAlso => RfcRelationKind.IsAlso,
        _ => RfcRelationKind.SeeAlso,
    };

    private static RfcLibraryException NotIssued(RfcNumber number) =>
        new(RfcLibraryErrorKind.NotIssued, $"RFC {number} was never issued (the RFC Editor's index lists the number as \"Not Issued\")") { Number = number };
}
