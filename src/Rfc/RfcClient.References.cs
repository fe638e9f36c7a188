using System.Text;
using System.Text.RegularExpressions;
using Rfc.Documents;
using Rfc.Documents.Index;
using Rfc.Documents.References;
using Rfc.Documents.Text;
using Rfc.Storage;

namespace Rfc;

/// <summary>The references half of the façade: what a document cites and whether that is still current; who cites an RFC.</summary>
public sealed partial class RfcClient
{
    /// <summary>
    /// The references of RFC <paramref name="number"/> (read from the store, or fetched as <c>rfc N</c> would) checked
    /// against the local index. Throws the not-found error when the index was never synced.
    /// </summary>
    public async Task<ReferenceReport> GetReferencesAsync(RfcNumber number, ReadMode mode, CancellationToken cancellationToken)
    {
        RfcStore store = RequireIndexStore();
        RfcContent document = await GetAsync(number, mode, cancellationToken).ConfigureAwait(false);
        ReferenceList list = ReferenceParser.Parse(RfcTextDecoder.Decode(document.Content.Span));
        if (!list.HasReferenceSection)
        {
            throw new RfcLibraryException(RfcLibraryErrorKind.NoReferences, $"RFC {number} has no references section") { Number = number };
        }

        IndexedRfc? self = FromStore(() => store.GetIndexEntry(number));
        RfcStatus? status = self?.Entry.CurrentStatus;
        bool standardsTrack = status?.Kind is RfcStatusKind.ProposedStandard or RfcStatusKind.DraftStandard or RfcStatusKind.InternetStandard;
        return new ReferenceReport(number, status?.Text, standardsTrack, list.HasReferenceSection, FromStore(() => Check(store, list, number)));
    }

    /// <summary>
    /// The references of a local draft's text checked against the local index; standards track when its
    /// "Intended status:" says so. Every update of a cited RFC is listed (a draft has no publication date to compare).
    /// <paramref name="name"/> names the draft in errors (its file name).
    /// </summary>
    public ReferenceReport CheckReferences(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        RfcStore store = RequireIndexStore();
        ReferenceList list = ReferenceParser.Parse(text);
        if (!list.HasReferenceSection)
        {
            throw new RfcLibraryException(RfcLibraryErrorKind.NoReferences, $"{name} has no references section");
        }

        string? intended = list.IntendedStatus;
        bool standardsTrack = intended is not null && StandardsTrackIntent().IsMatch(intended);
        return new ReferenceReport(null, intended, standardsTrack, list.HasReferenceSection, FromStore(() => Check(store, list, null)));
    }

    /// <summary>
    /// The stored documents that cite RFC <paramref name="number"/> in their reference sections (directly, or as a
    /// member of a BCP/STD entry), in number order. Only documents mentioning the number are parsed.
    /// </summary>
    public IReadOnlyList<CitingDocument> FindCitingDocuments(RfcNumber number, CancellationToken cancellationToken)
    {
        RfcStore store = RequireIndexStore();
        return FromStore(() => FindCiting(store, number, cancellationToken));
    }

    private static List<CitingDocument> FindCiting(RfcStore store, RfcNumber number, CancellationToken cancellationToken)
    {
        byte[] digits = Encoding.ASCII.GetBytes(number.ToString());
        List<CitingDocument> citing = [];
        foreach (StoredDocumentInfo info in store.ListDocuments())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (info.Number == number || store.GetDocument(info.Number) is not { } stored || stored.Content.AsSpan().IndexOf(digits) < 0)
            {
                continue;
            }

            ReferenceList list = ReferenceParser.Parse(RfcTextDecoder.Decode(stored.Content));
            Reference? hit = list.References.FirstOrDefault(r => (r.Target == ReferenceTargetKind.Rfc && r.Id == DocId.ForRfc(number)) || r.Members.Contains(number));
            if (hit is not null)
            {
                citing.Add(new CitingDocument(info.Number, store.GetTitle(info.Number), hit.Kind, hit.Label));
            }
        }

        return citing;
    }

    private RfcStore RequireIndexStore()
    {
        RequireIndex();
        return RequiredStore;
    }

    private static List<ReferenceFinding> Check(RfcStore store, ReferenceList list, RfcNumber? citing)
    {
        bool standardsTrack = false;
        if (citing is RfcNumber self && store.GetIndexEntry(self) is { } entry)
        {
            standardsTrack = entry.Entry.CurrentStatus.Kind is RfcStatusKind.ProposedStandard or RfcStatusKind.DraftStandard or RfcStatusKind.InternetStandard;
        }
        else if (citing is null && list.IntendedStatus is string intended)
        {
            standardsTrack = StandardsTrackIntent().IsMatch(intended);
        }

        List<ReferenceFinding> findings = [];
        foreach (Reference reference in list.References)
        {
            findings.Add(Check(store, reference, citing, standardsTrack));
        }

        return findings;
    }

    private static ReferenceFinding Check(RfcStore store, Reference reference, RfcNumber? citing, bool standardsTrack)
    {
        bool normative = reference.Kind == ReferenceKind.Normative && standardsTrack;
        List<ReferenceAlert> flags = [];
        switch (reference.Target)
        {
            case ReferenceTargetKind.Rfc when reference.Id is DocId id:
            {
                RfcNumber number = id.ToRfcNumber();
                IndexedRfc? cited = store.GetIndexEntry(number);
                if (cited is null)
                {
                    return new ReferenceFinding(reference, null, null, [ReferenceAlert.Unknown], [], [], []);
                }

                if (cited.Entry.NotIssued)
                {
                    return new ReferenceFinding(reference, null, null, [ReferenceAlert.NotIssued], [], [], []);
                }

                IReadOnlyList<RfcNumber> replaced = store.GetCurrentVersions(number);
                if (replaced.Count > 0)
                {
                    flags.Add(ReferenceAlert.Obsolete);
                }

                // "Updated since": for an RFC, updates published after it (a higher number); for a draft, all of them.
                List<RfcNumber> updates = [.. cited.Of(IndexRelationKind.UpdatedBy).Where(r => r.Target.IsRfc).Select(r => r.Target.ToRfcNumber()).Where(u => citing is not RfcNumber c || u > c)];
                if (updates.Count > 0)
                {
                    flags.Add(ReferenceAlert.Updated);
                }

                if (normative && cited.Entry.CurrentStatus.Kind is RfcStatusKind.Informational or RfcStatusKind.Experimental or RfcStatusKind.Historic)
                {
                    flags.Add(ReferenceAlert.Downref);
                }

                return new ReferenceFinding(reference, cited.Entry.Title, cited.Entry.CurrentStatus.Text, flags, replaced, updates, []);
            }

            case ReferenceTargetKind.Subseries when reference.Id is DocId id:
            {
                IReadOnlyList<RfcNumber> members = store.ResolveSubseries(id, out string? title);
                string status = id.Series switch
                {
                    DocSeries.Bcp => RfcStatus.BestCurrentPractice.Text,
                    DocSeries.Std => RfcStatus.InternetStandard.Text,
                    _ => RfcStatus.Informational.Text,
                };
                if (members.Count == 0)
                {
                    flags.Add(ReferenceAlert.Unknown);
                }
                else if (normative && id.Series == DocSeries.Fyi)
                {
                    flags.Add(ReferenceAlert.Downref);
                }

                return new ReferenceFinding(reference, title, members.Count == 0 ? null : status, flags, [], [], members);
            }

            case ReferenceTargetKind.Draft:
                if (normative)
                {
                    flags.Add(ReferenceAlert.Downref);
                }

                return new ReferenceFinding(reference, QuotedTitle(reference.Text), "INTERNET-DRAFT", flags, [], [], []);
            default:
                return new ReferenceFinding(reference, QuotedTitle(reference.Text), null, flags, [], [], []);
        }
    }

    private static string? QuotedTitle(string text) =>
        FirstQuoted().Match(text) is { Success: true } match ? match.Groups["title"].Value.Trim().TrimEnd(',', '.') : null;

    [GeneratedRegex("\"(?<title>[^\"]{1,300})\"", RegexOptions.CultureInvariant)]
    private static partial Regex FirstQuoted();

    [GeneratedRegex(@"standards?\s+track|proposed\s+standard|internet\s+standard|draft\s+standard", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StandardsTrackIntent();
}
