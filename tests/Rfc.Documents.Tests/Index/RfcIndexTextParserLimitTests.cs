using System.Text;
using Rfc.Documents.Index;

namespace Rfc.Documents.Tests.Index;

/// <summary>
/// Issue 11 item 7: the text-index parser is linear in its input and refuses lines and entries past its limits.
/// The inputs are sized so that the old quadratic parser (a 400,000-letter title took about 10 s) would need hours;
/// the timeout is only the backstop that turns such a regression into a failure instead of a stuck run.
/// </summary>
public sealed class RfcIndexTextParserLimitTests
{
    private const int Huge = 4_000_000;

    [Fact(Timeout = 120_000)]
    public async Task TryParseEntry_ReadsTitleAndDate_WhenTitleIsMillionsOfLetters()
    {
        string letters = new('A', Huge);

        RfcIndexEntry? parsed = await ParseEntryAsync($"42 {letters}. J. Postel. June 1999. (Status: UNKNOWN)");

        Assert.NotNull(parsed);
        Assert.Equal(letters, parsed.Title);
        Assert.Equal(["J. Postel"], parsed.Authors.Select(a => a.Name));
        Assert.Equal(new RfcDate(1999, 6), parsed.Date);
    }

    [Fact(Timeout = 120_000)]
    public async Task TryParseEntry_KeepsWholeTextAsTitle_WhenEntryIsMillionsOfSentenceBreaks()
    {
        string breaks = new StringBuilder(Huge).Insert(0, "A. ", Huge / 3).ToString();

        RfcIndexEntry? entry = await ParseEntryAsync($"42 {breaks}x");

        Assert.NotNull(entry);
        Assert.Equal($"{breaks}x", entry!.Title);
        Assert.Empty(entry.Authors);
    }

    [Fact(Timeout = 120_000)]
    public async Task TryParseEntry_ReadsLastGroups_WhenEntryHasHundredsOfThousandsOfGroups()
    {
        string groups = new StringBuilder().Insert(0, " (Also RFC0001)", 300_000).ToString();

        RfcIndexEntry? entry = await ParseEntryAsync($"42 Title. J. Postel. June 1999.{groups} (Status: HISTORIC)");

        Assert.NotNull(entry);
        Assert.Equal("Title", entry!.Title);
        Assert.Equal(RfcStatusKind.Historic, entry.CurrentStatus.Kind);
        Assert.Equal(["RFC1"], entry.IsAlso.Select(d => d.ToString()));
    }

    [Fact(Timeout = 120_000)]
    public async Task TryParseEntry_RefusesAuthorPart_WhenItIsMillionsOfInitials()
    {
        string initials = new StringBuilder().Insert(0, "A.-B.", Huge / 5).ToString();

        bool ok = RfcIndexTextParser.TryParseEntry($"42 Title. {initials} x. June 1999.", out RfcIndexEntry? entry);

        Assert.True(ok);
        Assert.Equal(["x"], entry!.Authors.Select(a => a.Name));
        Assert.Equal($"Title. {initials[..^1]}", entry.Title);
        Assert.Equal(new RfcDate(1999, 6), entry.Date);
    }

    [Fact]
    public void TryParseEntry_LeavesDateEmpty_WhenYearIsNotAsciiDigits()
    {
        // "\d" in the old date expression matched any Unicode digit and int.Parse then threw on these.
        bool ok = RfcIndexTextParser.TryParseEntry("42 Title. J. Postel. June \u0661\u0669\u0669\u0669.", out RfcIndexEntry? entry);

        Assert.True(ok);
        Assert.Null(entry!.Date);
    }

    // Without a valid date, the text after the last ". " is taken for an author, as before.
    [Theory]
    [InlineData("42 Title. J. Postel. 1 April 1998.", 1998, 4, 1, "Title")]
    [InlineData("42 Title. J. Postel. 31 April 1998", 1998, 4, 31, "Title")]
    [InlineData("42 Title. J. Postel. 123 April 1998.", 1998, 4, 23, "Title. J. Postel")]
    [InlineData("42 Title. J. Postel.  April \t 1998 . ", 0, 0, 0, "Title. J. Postel")]
    [InlineData("42 Title. J. Postel. 32 April 1998.", 0, 0, 0, "Title. J. Postel")]
    [InlineData("42 Title. J. Postel. XApril 1998.", 0, 0, 0, "Title. J. Postel")]
    [InlineData("42 Title. J. Postel. April 21998.", 0, 0, 0, "Title. J. Postel")]
    public void TryParseEntry_ReadsDateAtEnd_AsTheOldExpressionDid(string text, int year, int month, int day, string title)
    {
        bool ok = RfcIndexTextParser.TryParseEntry(text, out RfcIndexEntry? entry);

        Assert.True(ok);
        Assert.Equal(year == 0 ? null : new RfcDate(year, month, day == 0 ? null : day), entry!.Date);
        Assert.Equal(title, entry.Title);
    }

    [Fact]
    public async Task ParseAsync_Throws_WhenLineIsLongerThanLimit()
    {
        string index = "1 Host Software. S. Crocker. April 1969.\n\n2 " + new string('A', 5_000_000) + "\n";

        IndexFormatException error = await Assert.ThrowsAsync<IndexFormatException>(() => ParseAsync(index));

        Assert.Equal($"line 3 is longer than {RfcIndexTextParser.MaxLineLength} characters", error.Message);
    }

    [Fact]
    public async Task ParseAsync_Throws_WhenEntryIsLongerThanLimit()
    {
        var index = new StringBuilder("1 Host Software. S. Crocker. April 1969.\n");
        for (int i = 0; i < 2000; i++)
        {
            index.Append("     (Also RFC0001)\n");
        }

        IndexFormatException error = await Assert.ThrowsAsync<IndexFormatException>(() => ParseAsync(index.ToString()));

        Assert.Equal($"the entry ending on line 1091 is longer than {RfcIndexTextParser.MaxEntryLength} characters", error.Message);
    }

    [Fact]
    public async Task ParseAsync_AcceptsLinesAndEntriesAtTheLimit()
    {
        string title = new('A', RfcIndexTextParser.MaxLineLength - "1 . J. Postel. June 1999.".Length);

        List<RfcIndexEntry> entries = await ParseAsync($"1 {title}. J. Postel. June 1999.\n");

        Assert.Equal(title, Assert.Single(entries).Title);
    }

    [Fact]
    public async Task ParseAsync_SplitsLinesAsReadLineDoes_WhenBreaksStraddleTheReadBuffer()
    {
        // CRLF, bare CR and bare LF, with the CRLF split across the reader's 4096-character buffer.
        string filler = new(' ', 4095 - "1 Host Software. S. Crocker. April 1969.".Length);
        string index = $"1 Host Software. S. Crocker. April 1969.{filler}\r\n\r2 Not Issued.\n\n3 Documentation conventions. S.D. Crocker. April 1969.";

        List<RfcIndexEntry> entries = await ParseAsync(index);

        Assert.Equal([1, 2, 3], entries.Select(e => e.Number.Value));
        Assert.Equal("Host Software", entries[0].Title);
        Assert.True(entries[1].NotIssued);
        Assert.Equal(new RfcDate(1969, 4), entries[2].Date);
    }

    private static Task<RfcIndexEntry?> ParseEntryAsync(string text) =>
        Task.Run(() => RfcIndexTextParser.TryParseEntry(text, out RfcIndexEntry? entry) ? entry : null, TestContext.Current.CancellationToken);

    private static async Task<List<RfcIndexEntry>> ParseAsync(string text)
    {
        var entries = new List<RfcIndexEntry>();
        await foreach (RfcIndexEntry entry in RfcIndexTextParser.ParseAsync(new StringReader(text), TestContext.Current.CancellationToken))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
