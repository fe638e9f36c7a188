using System.Text;
using System.Text.RegularExpressions;

namespace Rfc.Testing;

/// <summary>
/// The real text index cut to the documents present in a folder, so a mirror of that folder has an index
/// that lists exactly the served documents (the shared corpus holds 2,524 of the 9,823 texts).
/// Same rule as benchmarks/filter-index.py.
/// </summary>
public static partial class CorpusIndex
{
    /// <summary>Writes the filtered index to <paramref name="destination"/>; returns how many entries it lists.</summary>
    public static int WriteFiltered(string indexPath, string documentsFolder, string destination)
    {
        HashSet<int> present = [.. Directory.EnumerateFiles(documentsFolder, "rfc*.txt")
            .Select(path => FileName().Match(Path.GetFileName(path)))
            .Where(match => match.Success)
            .Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
        string[] blocks = File.ReadAllText(indexPath, Encoding.UTF8).Split("\n\n");
        List<string> kept = [];
        int entries = 0;
        foreach (string block in blocks)
        {
            Match number = EntryNumber().Match(block);
            if (!number.Success)
            {
                kept.Add(block);
            }
            else if (present.Contains(int.Parse(number.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            {
                kept.Add(block);
                entries++;
            }
        }

        File.WriteAllText(destination, string.Join("\n\n", kept), new UTF8Encoding(false));
        return entries;
    }

    [GeneratedRegex(@"^rfc(\d+)\.txt$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^(\d{1,6}) ")]
    private static partial Regex EntryNumber();
}
