using System.Text;
using Rfc.Documents.Errata;
using Rfc.Testing;

namespace Rfc.Documents.Tests.Errata;

public sealed class ErrataParserTests
{
    private const string Sample = """
        [
          {"errata_id": "1", "doc-id": "RFC4954", "errata_status_code": "Verified", "errata_type_code": "Editorial", "section": "4.1",
           "orig_text": "   S: 220-smtp.example.com ESMTP Server", "correct_text": "   S: 220 smtp.example.com ESMTP Server",
           "notes": "Three instances. \n", "submit_date": "2007-07-19", "submitter_name": "Rob Siemborski", "verifier_id": "",
           "verifier_name": null, "update_date": "2019-09-10 16:09:03"},
          {"errata_id": 10, "doc-id": "RFC0791", "errata_status_code": "Held for Document Update", "errata_type_code": "Technical",
           "section": "GLOBAL", "orig_text": "a\r\nb  \r\n\r\n", "correct_text": "c\rd", "notes": "", "submit_date": "9999-04-13",
           "submitter_name": "Someone", "verifier_name": "V", "update_date": null, "future": {"nested": [1, 2, {"x": "y"}]}},
          {"errata_id": "11", "errata_status_code": "Reported"},
          {"errata_id": "12", "doc-id": "BCP14", "errata_status_code": "Reported"}
        ]
        """;

    [Fact]
    public void Parse_ReadsFieldsLeniently_WhenRecordsAreIrregular()
    {
        byte[] json = Encoding.UTF8.GetBytes(Sample);

        ErrataParseResult result = ErrataParser.Parse(new MemoryStream(json));

        Assert.Equal(2, result.Records.Count);
        Assert.Equal(2, result.Skipped);
        ErrataRecord first = result.Records[0];
        Assert.Equal(("1", 4954, ErrataStatus.Verified, ErrataType.Editorial, "4.1"), (first.Id, first.Rfc.Value, first.Status, first.Type, first.Section));
        Assert.Equal("Three instances.", first.Notes);
        Assert.Null(first.Verifier);
        Assert.Equal("2019-09-10 16:09:03", first.UpdateDate);
        ErrataRecord second = result.Records[1];
        Assert.Equal(("10", 791, ErrataStatus.HeldForDocumentUpdate, ErrataType.Technical, true), (second.Id, second.Rfc.Value, second.Status, second.Type, second.IsGlobal));
        Assert.Equal("a\nb", second.OriginalText);
        Assert.Equal("c\nd", second.CorrectedText);
        Assert.Equal("9999-04-13", second.SubmitDate);
        Assert.Equal("V", second.Verifier);
    }

    [Fact]
    public void Parse_GivesSameRecords_WhateverTheReadSizes()
    {
        byte[] json = Encoding.UTF8.GetBytes(Sample);
        ErrataParseResult whole = ErrataParser.Parse(json);

        foreach (int chunk in new[] { 1, 2, 3, 7, 64, 1000 })
        {
            ErrataParseResult trickled = ErrataParser.Parse(new TrickleStream(json, chunk));

            Assert.Equal(whole.Records, trickled.Records);
        }
    }

    [Fact]
    public void Parse_ThrowsTruncated_AtEveryCutOfAValidFile()
    {
        byte[] json = Encoding.UTF8.GetBytes(Sample.TrimEnd());

        for (int cut = 1; cut < json.Length; cut++)
        {
            ErrataFormatException error = Assert.Throws<ErrataFormatException>(() => ErrataParser.Parse(new MemoryStream(json, 0, cut)));

            Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("", "truncated")]
    [InlineData("{\"errata_id\": \"1\"}", "not a JSON array")]
    [InlineData("[1, 2]", "a value where a record belongs")]
    [InlineData("[[]]", "an array where a record belongs")]
    [InlineData("[{\"errata_id\": \"1\",}]", "not well-formed")]
    [InlineData("[{\"errata_id\" \"1\"}]", "not well-formed")]
    [InlineData("[] []", "not well-formed")]
    [InlineData("<html>502 Bad Gateway</html>", "not well-formed")]
    public void Parse_ThrowsSayingWhat_WhenTheFileIsNotErrata(string text, string expected)
    {
        ErrataFormatException error = Assert.Throws<ErrataFormatException>(() => ErrataParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(text))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadsTheRealFile_EveryRecordAndStatus()
    {
        string path = CorpusLocator.Root is string root ? Path.Combine(root, "errata", "errata.json") : "";
        if (!File.Exists(path))
        {
            Assert.Skip($"corpus errata file not found (set {CorpusLocator.EnvironmentVariable} or provide ../shared/corpus)");
        }

        byte[] json = File.ReadAllBytes(path);

        ErrataParseResult result = ErrataParser.Parse(new TrickleStream(json, 7919));

        Assert.Equal(8018, result.Records.Count);
        Assert.Equal(0, result.Skipped);
        Assert.Equal(3720, result.Records.Count(r => r.Status == ErrataStatus.Verified));
        Assert.Equal(2413, result.Records.Count(r => r.Status == ErrataStatus.HeldForDocumentUpdate));
        Assert.Equal(1156, result.Records.Count(r => r.Status == ErrataStatus.Rejected));
        Assert.Equal(729, result.Records.Count(r => r.Status == ErrataStatus.Reported));
        Assert.DoesNotContain(result.Records, r => r.OriginalText.Contains('\r') || r.CorrectedText.Contains('\r') || r.Notes.Contains('\r'));
        Assert.Equal(12, result.Records.Count(r => r.Rfc.Value == 9110));
        Assert.Contains(result.Records, r => r.SubmitDate == "9999-04-13");
        Assert.Equal(8018, result.Records.Select(r => r.Id).Distinct().Count());
    }
}
