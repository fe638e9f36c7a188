using CsCheck;
using Rfc.Documents.References;

namespace Rfc.Documents.Tests.References;

/// <summary>
/// Reference labels round-trip (issue 11, property tests): a references section written with any mix of labels (RFC
/// numbers, name labels, numeric labels) and entries citing RFCs parses back to the same labels in the same order,
/// each entry citing the RFC it names, under the kind of the subsection it is in.
/// </summary>
public sealed class ReferenceLabelPropertyTests
{
    private static readonly Gen<string> s_nameLabel = Gen.Select(Gen.Char['A', 'Z'], Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"], 1, 12]).Select((first, rest) => first + rest);

    // A label and the RFC its entry cites: "RFC{n}" labels cite themselves, others any RFC.
    private static readonly Gen<(string Label, int Rfc)> s_entry =
        Gen.Select(Gen.Int[1, 9999], Gen.Bool, s_nameLabel).Select((rfc, own, name) => (own ? $"RFC{rfc}" : name, rfc));

    [Fact]
    public void Parse_ReturnsEveryLabelAndItsRfc_ForAnyReferenceSection()
    {
        Gen.Select(s_entry.Array[1, 12], s_entry.Array[0, 12], Gen.Int[0, 8]).Sample(
            (normative, informative, indent) =>
            {
                string text = Document(normative, informative, new string(' ', indent));

                ReferenceList list = ReferenceParser.Parse(text);

                Assert.True(list.HasReferenceSection);
                Assert.Equal([.. normative.Select(e => e.Label), .. informative.Select(e => e.Label)], list.References.Select(r => r.Label));
                Assert.Equal([.. normative.Select(e => e.Rfc), .. informative.Select(e => e.Rfc)], list.References.Select(r => r.Id?.Number ?? 0));
                Assert.Equal(
                    [.. normative.Select(_ => ReferenceKind.Normative), .. informative.Select(_ => ReferenceKind.Informative)],
                    list.References.Select(r => r.Kind));
            },
            iter: 500,
            print: t => Document(t.Item1, t.Item2, new string(' ', t.Item3)));
    }

    private static string Document((string Label, int Rfc)[] normative, (string Label, int Rfc)[] informative, string indent)
    {
        static string Entries((string Label, int Rfc)[] entries, string indent) => string.Concat(entries.Select((e, i) =>
            $"{indent}[{e.Label}]  Author, A., \"Title number {i}\", RFC {e.Rfc},\n{indent}           DOI 10.17487/RFC{e.Rfc:D4}, June 2020,\n{indent}           <https://www.rfc-editor.org/info/rfc{e.Rfc}>.\n\n"));

        string informativeSection = informative.Length == 0 ? "" : $"4.2.  Informative References\n\n{Entries(informative, indent)}";
        return $"1.  Introduction\n\n   Text.\n\n4.  References\n\n4.1.  Normative References\n\n{Entries(normative, indent)}{informativeSection}Author's Address\n\n   A. Author\n";
    }
}
