using System.Globalization;
using Rfc.Documents.References;
using Rfc.Documents.Text;

// Usage: RefsCoverage <folder of rfcN.txt> [--unresolved N]   (prints N unresolved entries as samples, for parser work)
if (args.Length < 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: RefsCoverage <folder of rfcN.txt> [--unresolved N] [--missing N]");
    return 2;
}

if (args.Length >= 3 && args[1] == "--show")
{
    foreach (string name in args[2..])
    {
        ReferenceList shown = ReferenceParser.Parse(RfcTextDecoder.Decode(File.ReadAllBytes(Path.Combine(args[0], $"rfc{name}.txt"))));
        Console.WriteLine($"== RFC {name}: section {shown.HasReferenceSection}, {shown.References.Count} entries");
        foreach (Reference r in shown.References)
        {
            string target = r.Target switch
            {
                ReferenceTargetKind.Rfc or ReferenceTargetKind.Subseries => r.Id + (r.Members.Count > 0 ? " {" + string.Join(",", r.Members) + "}" : ""),
                ReferenceTargetKind.Draft => "draft " + r.Draft,
                _ => r.Target.ToString(),
            };
            Console.WriteLine($"  {r.Kind,-11} [{r.Label}] {target}    | {r.Text[..Math.Min(90, r.Text.Length)]}");
        }
    }

    return 0;
}

int samples = args.Length >= 3 && args[1] == "--unresolved" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
int missingSamples = args.Length >= 3 && args[1] == "--missing" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
string[] files = [.. Directory.GetFiles(args[0], "rfc*.txt").OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal)];
int documents = 0, withSection = 0, allResolved = 0, entries = 0, resolved = 0;
Dictionary<ReferenceTargetKind, int> byKind = [];
List<string> unresolved = [];
List<string> missing = [];
foreach (string file in files)
{
    documents++;
    ReferenceList list = ReferenceParser.Parse(RfcTextDecoder.Decode(File.ReadAllBytes(file)));
    if (!list.HasReferenceSection)
    {
        missing.Add(Path.GetFileName(file));
        continue;
    }

    withSection++;
    bool all = true;
    foreach (Reference reference in list.References)
    {
        entries++;
        byKind[reference.Target] = byKind.GetValueOrDefault(reference.Target) + 1;
        if (reference.Target == ReferenceTargetKind.Unresolved)
        {
            all = false;
            unresolved.Add($"{Path.GetFileName(file)} [{reference.Label}] {reference.Text[..Math.Min(160, reference.Text.Length)]}");
        }
        else
        {
            resolved++;
        }
    }

    allResolved += all ? 1 : 0;
}

CultureInfo c = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(c, $"documents:                   {documents}"));
Console.WriteLine(string.Create(c, $"with a references section:   {withSection} ({100.0 * withSection / documents:0.0}%)"));
Console.WriteLine(string.Create(c, $"all references resolved:     {allResolved} ({100.0 * allResolved / Math.Max(1, withSection):0.0}% of those with a section)"));
Console.WriteLine(string.Create(c, $"entries:                     {entries}, resolved {resolved} ({100.0 * resolved / Math.Max(1, entries):0.0}%)"));
Console.WriteLine("entries by target:           " + string.Join(", ", byKind.OrderBy(k => k.Key).Select(k => string.Create(c, $"{k.Key} {k.Value}"))));
foreach (string line in unresolved.OrderBy(_ => Random.Shared.Next()).Take(samples))
{
    Console.WriteLine("  unresolved: " + line);
}

foreach (string name in missing.OrderBy(_ => Random.Shared.Next()).Take(missingSamples))
{
    Console.WriteLine("  no section: " + name);
}

return 0;
