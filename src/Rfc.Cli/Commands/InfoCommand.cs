using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rfc.Documents;
using Rfc.Documents.Index;

namespace Rfc.Cli.Commands;

/// <summary><c>rfc info N</c>: what the index says about an RFC, its relations both ways, or their tree.</summary>
internal static class InfoCommand
{
    /// <summary>Labels are padded to this width so values line up.</summary>
    private const int LabelWidth = 14;

    public static void Attach(RootCommand root, CliContext context)
    {
        Argument<string> number = new("rfc") { Description = "An RFC number: 9110, rfc9110 or \"RFC 9110\"" };
        Option<bool> json = new("--json") { Description = "Print the entry as JSON, for scripts" };
        Option<bool> tree = new("--tree") { Description = "Draw the obsoletes / obsoleted-by lineage as a tree, with updates at the top" };
        Command info = new(
            "info",
            """
            Show what the RFC index says about an RFC: title, authors, date, status, pages, the RFCs it obsoletes and
            updates and those that obsolete and update it (with their titles), errata, DOI and abstract.
            Needs the index: run 'rfc sync' first.

            Examples:
              rfc info 9110                 the entry, relations both ways
              rfc info 2616 --tree          HTTP/1.1's lineage: 2068 → 2616 → 7230..7235 → 9110..9112
              rfc info 9110 --json | jq .obsoletes
            """)
        {
            number,
            json,
            tree,
        };
        info.SetAction((parse, cancellationToken) =>
        {
            if (!RfcNumber.TryParse(parse.GetValue(number), out RfcNumber rfc))
            {
                throw new CliUsageException($"{NumberArguments.Missing} ('{parse.GetValue(number)}' is not one)");
            }

            if (parse.GetValue(json) && parse.GetValue(tree))
            {
                throw new CliUsageException("--json and --tree are different views; choose one");
            }

            return RunAsync(rfc, parse.GetValue(json), parse.GetValue(tree), context, cancellationToken);
        });
        root.Subcommands.Add(info);
    }

    private static async Task<int> RunAsync(RfcNumber number, bool json, bool tree, CliContext context, CancellationToken cancellationToken)
    {
        await using RfcClient client = LibraryOutput.LocalClient(context);
        RfcInfo rfc = client.GetInfo(number);
        using StreamWriter output = LibraryOutput.Writer(context);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(ToJson(rfc), LibraryJson.Output.InfoJson));
        }
        else if (tree)
        {
            WriteTree(output, client, rfc);
        }
        else
        {
            WriteEntry(output, rfc, client.GetErrataCounts(number));
        }

        await output.FlushAsync(cancellationToken);
        return (int)ExitCode.Success;
    }

    private static void WriteEntry(TextWriter output, RfcInfo rfc, ErrataCounts? errata = null)
    {
        RfcIndexEntry entry = rfc.Entry;
        IReadOnlyList<RfcNumber> current = rfc.CurrentVersions;
        output.WriteLine($"RFC {entry.Number}: {Terminal.Escape(entry.Title)}");
        output.WriteLine();
        Field(output, "Authors", string.Join(", ", entry.Authors));
        Field(output, "Date", entry.Date?.ToString());
        string published = entry.PublicationStatus is RfcStatus p && p != entry.CurrentStatus ? $" (published as {p})" : "";
        Field(output, "Status", entry.CurrentStatus + published);
        if (current.Count > 0)
        {
            Field(output, "Current", LibraryOutput.JoinRfcs(current) + " (the ends of its obsoleted-by chain)");
        }

        Field(output, "Stream", string.Join(", ", new[] { entry.Stream, entry.Area is null ? null : $"area {entry.Area}", entry.WorkingGroup is null ? null : $"working group {entry.WorkingGroup}" }.OfType<string>()));
        Field(output, "Pages", entry.PageCount?.ToString(CultureInfo.InvariantCulture));
        Field(output, "Formats", string.Join(", ", entry.Formats));
        Relations(output, "Obsoletes", rfc.Of(RfcRelationKind.Obsoletes));
        Relations(output, "Obsoleted by", rfc.Of(RfcRelationKind.ObsoletedBy));
        Relations(output, "Updates", rfc.Of(RfcRelationKind.Updates));
        Relations(output, "Updated by", rfc.Of(RfcRelationKind.UpdatedBy));
        Relations(output, "Is also", rfc.Of(RfcRelationKind.IsAlso));
        Relations(output, "See also", rfc.Of(RfcRelationKind.SeeAlso));
        Field(output, "Keywords", string.Join(", ", entry.Keywords));
        Field(output, "Draft", entry.Draft);
        Field(output, "DOI", entry.Doi);
        Field(output, "Errata", entry.ErrataUrl);
        if (errata is not null)
        {
            output.WriteLine((entry.ErrataUrl is null ? "Errata:" : "").PadRight(LabelWidth) + ErrataLine(entry.Number, errata));
        }

        if (entry.Abstract is string text)
        {
            output.WriteLine();
            output.WriteLine("Abstract");
            string[] paragraphs = text.Split("\n\n");
            for (int i = 0; i < paragraphs.Length; i++)
            {
                output.WriteLine();
                foreach (string line in LibraryOutput.Wrap(paragraphs[i], 72, "   "))
                {
                    output.WriteLine(Terminal.Escape(line));
                }
            }
        }
    }

    /// <summary><c>3 verified, 6 rejected (rfc errata 9110)</c>, or <c>none</c>, from the synced errata.</summary>
    private static string ErrataLine(RfcNumber number, ErrataCounts counts)
    {
        (int Count, string Name)[] parts = [(counts.Verified, "verified"), (counts.Reported, "reported"), (counts.Held, "held for document update"), (counts.Rejected, "rejected"), (counts.Other, "other")];
        string text = string.Join(", ", parts.Where(p => p.Count > 0).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Count} {p.Name}")));
        return text.Length == 0 ? "none reported" : $"{text} (rfc errata {number})";
    }

    private static void Field(TextWriter output, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            output.WriteLine((label + ":").PadRight(LabelWidth) + Terminal.Escape(value));
        }
    }

    private static void Relations(TextWriter output, string label, IReadOnlyList<RfcRelation> relations)
    {
        for (int i = 0; i < relations.Count; i++)
        {
            string prefix = (i == 0 ? label + ":" : "").PadRight(LabelWidth);
            output.WriteLine((prefix + Name(relations[i].Target, relations[i].Title)).TrimEnd());
        }
    }

    private static string Name(DocId id, string? title)
    {
        string name = id.Series switch
        {
            DocSeries.Rfc => "RFC",
            DocSeries.Bcp => "BCP",
            DocSeries.Std => "STD",
            _ => "FYI",
        } + " " + id.Number.ToString(CultureInfo.InvariantCulture);
        return title is null ? name : $"{name}  {Terminal.Escape(title)}";
    }

    /// <summary>
    /// The lineage as a tree. The root shows all four relations; below it the tree follows the direction it took:
    /// "obsoletes" back to the oldest ancestors, "obsoleted by" forward to the current RFCs. Updates are leaves, because
    /// following them fans out over much of the index (RFC 791 alone is updated by dozens). An RFC reached twice is
    /// drawn once and then marked "(see above)".
    /// </summary>
    private static void WriteTree(TextWriter output, RfcClient client, RfcInfo rfc)
    {
        output.WriteLine(Name(DocId.ForRfc(rfc.Entry.Number), rfc.Entry.Title));
        HashSet<DocId> drawn = [DocId.ForRfc(rfc.Entry.Number)];
        List<(string Label, RfcRelation Relation, RfcRelationKind? Follow)> children = [];
        foreach (RfcRelation relation in rfc.Relations)
        {
            (string label, RfcRelationKind? follow) = relation.Kind switch
            {
                RfcRelationKind.Obsoletes => ("obsoletes", RfcRelationKind.Obsoletes),
                RfcRelationKind.Updates => ("updates", (RfcRelationKind?)null),
                RfcRelationKind.ObsoletedBy => ("obsoleted by", RfcRelationKind.ObsoletedBy),
                RfcRelationKind.UpdatedBy => ("updated by", null),
                _ => ("", null),
            };
            if (label.Length > 0)
            {
                children.Add((label, relation, follow));
            }
        }

        WriteChildren(output, client, children, "", drawn);
    }

    private static void WriteChildren(TextWriter output, RfcClient client, List<(string Label, RfcRelation Relation, RfcRelationKind? Follow)> children, string indent, HashSet<DocId> drawn)
    {
        for (int i = 0; i < children.Count; i++)
        {
            (string label, RfcRelation relation, RfcRelationKind? follow) = children[i];
            bool last = i == children.Count - 1;
            bool first = drawn.Add(relation.Target);
            output.WriteLine($"{indent}{(last ? "└── " : "├── ")}{label} {Name(relation.Target, relation.Title)}{(first || follow is null ? "" : "  (see above)")}");
            if (!first || follow is not RfcRelationKind kind || !relation.Target.IsRfc || client.FindInfo(relation.Target.ToRfcNumber()) is not RfcInfo next)
            {
                continue;
            }

            List<(string, RfcRelation, RfcRelationKind?)> grandchildren = [.. next.Of(kind).Select(r => (label, r, (RfcRelationKind?)kind))];
            WriteChildren(output, client, grandchildren, indent + (last ? "    " : "│   "), drawn);
        }
    }

    private static InfoJson ToJson(RfcInfo rfc)
    {
        RfcIndexEntry e = rfc.Entry;
        IReadOnlyList<RfcNumber> current = rfc.CurrentVersions;
        List<RelationJson> Of(RfcRelationKind kind) =>
            [.. rfc.Of(kind).Select(r => new RelationJson(r.Target.ToString(), r.Target.IsRfc ? r.Target.Number : null, r.Title))];
        return new InfoJson(
            e.Number.Value,
            e.Title,
            [.. e.Authors.Select(a => new AuthorJson(a.Name, a.Title))],
            e.Date?.ToString(),
            e.Date?.Year,
            e.Date?.Month,
            e.Formats,
            e.PageCount,
            e.CurrentStatus.Text,
            e.PublicationStatus?.Text,
            e.Stream,
            e.Area,
            e.WorkingGroup,
            e.Keywords,
            e.Abstract,
            e.Draft,
            e.Doi,
            e.ErrataUrl,
            Of(RfcRelationKind.Obsoletes),
            Of(RfcRelationKind.ObsoletedBy),
            Of(RfcRelationKind.Updates),
            Of(RfcRelationKind.UpdatedBy),
            Of(RfcRelationKind.IsAlso),
            Of(RfcRelationKind.SeeAlso),
            [.. current.Select(n => n.Value)]);
    }
}
