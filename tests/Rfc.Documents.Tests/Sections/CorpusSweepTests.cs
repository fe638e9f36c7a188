using System.Text.RegularExpressions;
using Rfc.Documents.Sections;
using Rfc.Documents.Text;
using Rfc.Testing;

namespace Rfc.Documents.Tests.Sections;

public sealed partial class CorpusSweepTests
{
    [Fact]
    public void Parse_LeavesNoFormFeedOrFooter_WhenReadingWholeCorpus()
    {
        string rfcFolder = Path.Combine(CorpusLocator.Root ?? "", "rfc");
        if (CorpusLocator.Root is null || !Directory.Exists(rfcFolder))
        {
            Assert.Skip($"RFC corpus not found (set {CorpusLocator.EnvironmentVariable} or provide ../shared/corpus)");
        }

        var failures = new List<string>();
        int documents = 0;
        foreach (string path in Directory.EnumerateFiles(rfcFolder, "rfc*.txt"))
        {
            RfcOutline document = RfcOutline.Parse(RfcTextDecoder.Decode(File.ReadAllBytes(path)));
            documents++;
            if (document.Text.Contains('\f', StringComparison.Ordinal))
            {
                failures.Add($"{Path.GetFileName(path)}: form feed left");
            }

            string? footer = document.Lines.FirstOrDefault(l => FooterLike().IsMatch(l));
            if (footer is not null)
            {
                failures.Add($"{Path.GetFileName(path)}: footer left: {footer.Trim()}");
            }

            foreach (RfcHeading heading in document.Headings)
            {
                if (!document.GetSection(heading).Text.StartsWith(document.Lines[heading.Line], StringComparison.Ordinal))
                {
                    failures.Add($"{Path.GetFileName(path)}: section {heading} does not start at its heading");
                }
            }
        }

        Assert.True(documents > 2000, $"only {documents} documents in the corpus");
        Assert.Empty(failures);
    }

    [GeneratedRegex(@"^\S.*\s{2,}\[Page \d+\]\s*$")]
    private static partial Regex FooterLike();
}
