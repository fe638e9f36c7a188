using System.CommandLine;
using System.Globalization;
using Rfc.Documents;
using Rfc.Documents.Sections;

namespace Rfc.Cli.Commands;

/// <summary>
/// What the local library adds to <c>rfc N</c>, kept out of <see cref="GetCommand"/> so that command stays small:
/// sub-series names resolved through the index (<c>rfc bcp14</c>), "not issued" numbers refused without a request,
/// a one-line notice before an obsolete RFC naming the current ones, and <c>--section</c> / <c>--toc</c>.
/// </summary>
internal sealed class LibraryReader
{
    private readonly RfcClient _client;
    private readonly CliContext _context;
    private readonly string? _section;
    private readonly bool _toc;
    private readonly bool _quiet;
    private readonly bool _errata;

    private LibraryReader(RfcClient client, CliContext context, string? section, bool toc, bool quiet, bool errata = false)
    {
        _errata = errata;
        _client = client;
        _context = context;
        _section = section;
        _toc = toc;
        _quiet = quiet;
    }

    /// <summary>The reader of a plain <c>rfc N</c>: no section, no table of contents, notices shown, no errata boxes.</summary>
    public static LibraryReader Plain(RfcClient client, CliContext context) => new(client, context, section: null, toc: false, quiet: false);

    /// <summary>The options <c>rfc N</c> gains: <c>--section</c>, <c>--toc</c>, <c>--quiet</c>.</summary>
    internal sealed class Options
    {
        public Option<string?> Section { get; } = new("--section") { Description = "Print only this section: a number (8.8.3, A.1) or a title (\"Security Considerations\")", HelpName = "SECTION" };

        public Option<bool> Toc { get; } = new("--toc") { Description = "Print the table of contents instead of the document" };

        public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Do not print notices (such as 'RFC 2616 is obsolete') on stderr" };

        public Option<bool> Errata { get; } = new("--errata") { Description = "Show the RFC's errata in ruled boxes after the sections (or pages) they concern (after 'rfc sync')" };

        public void AddTo(RootCommand root)
        {
            root.Options.Add(Section);
            root.Options.Add(Toc);
            root.Options.Add(Quiet);
            root.Options.Add(Errata);
        }

        /// <summary>A reader for this run; throws the usage error for contradictory options.</summary>
        public LibraryReader Create(ParseResult parse, RfcClient client, CliContext context)
        {
            string? section = parse.GetValue(Section);
            if (section is not null && parse.GetValue(Toc))
            {
                throw new CliUsageException("--section prints one section and --toc the table of contents; choose one");
            }

            if (section is not null && string.IsNullOrWhiteSpace(section))
            {
                throw new CliUsageException("--section needs a section number or title, e.g. --section 8.8.3");
            }

            if (parse.GetValue(Errata) && parse.GetValue(Toc))
            {
                throw new CliUsageException("--errata shows errata in the text and --toc the table of contents; choose one");
            }

            return new LibraryReader(client, context, section, parse.GetValue(Toc), parse.GetValue(Quiet), parse.GetValue(Errata));
        }
    }

    /// <summary>
    /// Turns the arguments into RFC numbers: numbers as typed, sub-series names (<c>bcp14</c>, <c>STD 7</c>) through the
    /// index with a line on stderr saying what they resolved to. Throws the usage error for anything else, and the
    /// not-found error for a number the index marks "not issued" (before any request).
    /// </summary>
    public IReadOnlyList<RfcNumber> Resolve(IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            throw new CliUsageException(NumberArguments.Missing);
        }

        List<RfcNumber> numbers = [];
        foreach (string value in values)
        {
            if (RfcNumber.TryParse(value, out RfcNumber number))
            {
                _client.RefuseNotIssued(number);
                numbers.Add(number);
            }
            else if (DocId.TryParse(value, out DocId id) && !id.IsRfc)
            {
                numbers.AddRange(ResolveSubseries(id));
            }
            else
            {
                throw new CliUsageException($"{NumberArguments.Missing} ('{value}' is not one)");
            }
        }

        return numbers;
    }

    /// <summary>Gets a document, printing the obsolete notice first, and cuts it to the section or table of contents asked for.</summary>
    public async Task<RfcContent> GetAsync(RfcNumber number, ReadMode mode, CancellationToken cancellationToken)
    {
        RfcContent document = await _client.GetAsync(number, mode, cancellationToken).ConfigureAwait(false);
        if (!_quiet && _client.CurrentVersionsOf(number) is { Count: > 0 } current)
        {
            await _context.Stderr.WriteLineAsync($"rfc: note: RFC {number} is obsolete; read {LibraryOutput.JoinRfcs(current)} instead (from the index; --quiet hides this)").ConfigureAwait(false);
            await _context.Stderr.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!_quiet && _client.GetErrataCounts(number) is { } errata && errata.VerifiedTechnical + errata.ReportedTechnical > 0)
        {
            await _context.Stderr.WriteLineAsync($"rfc: note: RFC {number} has {ErrataNotice(errata)} (rfc errata {number})").ConfigureAwait(false);
            await _context.Stderr.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_errata)
        {
            return RfcClient.WithText(document, WithErrata(number, document));
        }

        if (_toc)
        {
            return RfcClient.WithText(document, string.Concat(RfcClient.TableOfContents(document).Select(Line)));
        }

        return _section is null ? document : RfcClient.WithText(document, RfcClient.Section(document, _section) + "\n");
    }

    /// <summary><c>3 verified errata</c>, <c>1 reported errata</c>, <c>2 verified and 1 reported errata</c>: technical ones only.</summary>
    private static string ErrataNotice(ErrataCounts counts)
    {
        string verified = counts.VerifiedTechnical > 0 ? string.Create(CultureInfo.InvariantCulture, $"{counts.VerifiedTechnical} verified") : "";
        string reported = counts.ReportedTechnical > 0 ? string.Create(CultureInfo.InvariantCulture, $"{counts.ReportedTechnical} reported") : "";
        return string.Join(" and ", new[] { verified, reported }.Where(s => s.Length > 0)) + " errata";
    }

    /// <summary>The document, or the section asked for, with the errata (all but rejected) in boxes after their sections.</summary>
    private string WithErrata(RfcNumber number, RfcContent document)
    {
        IReadOnlyList<Rfc.Documents.Errata.ErrataRecord> errata = _client.GetErrata(number, ErrataCommand.DefaultStatuses);
        string text = Rfc.Documents.Text.RfcTextDecoder.Decode(document.Content.Span);
        if (_section is not null)
        {
            RfcSection section = RfcOutline.Parse(text).FindSection(_section)
                ?? throw new RfcLibraryException(RfcLibraryErrorKind.NoSuchSection, $"RFC {number} has no section '{_section}'") { Number = number };
            return ErrataCommand.Annotate(number, section.Text + "\n", errata, section.Heading.Number);
        }

        return ErrataCommand.Annotate(number, text, errata, null);
    }

    private static string Line(TocEntry entry)
    {
        string indent = new(' ', 2 * (entry.Level - 1));
        string label = entry.Number is null ? entry.Title : $"{entry.Number}. {entry.Title}";
        return entry.Page is null ? $"{indent}{label}\n" : $"{indent}{label}  {entry.Page}\n";
    }

    private IReadOnlyList<RfcNumber> ResolveSubseries(DocId id)
    {
        Subseries subseries = _client.ResolveSubseries(id);
        _context.Stderr.WriteLine($"rfc: {subseries.Name}{(subseries.Title is null ? "" : $" ({Terminal.Escape(subseries.Title)})")} is {LibraryOutput.JoinRfcs(subseries.Members)}");
        _context.Stderr.Flush();
        return subseries.Members;
    }
}
