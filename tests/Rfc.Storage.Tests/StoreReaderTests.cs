using System.Text;
using Rfc.Documents.Errata;
using Rfc.Documents.Index;
using Microsoft.Data.Sqlite;
using Rfc.Documents;
using Rfc.Storage;

namespace Rfc.Storage.Tests;

/// <summary>The cached read's fast path gives what the store gives, and null for anything unusual.</summary>
public sealed class StoreReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rfc-store-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void TryGetDocument_ReturnsWhatTheStoreHolds_ByteForByte()
    {
        byte[] content = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Preuß\f\r\n"), 0x00, 0xE9];
        DateTimeOffset modified = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        StoredDocument put = new(new RfcNumber(2324), content, "\"v1\"", modified, DateTimeOffset.UtcNow, RfcStore.Hash(content), "http://127.0.0.1/rfc2324.txt");
        StoredDocument? expected;
        using (RfcStore store = RfcStore.Open(_directory))
        {
            store.PutDocument(put);
            expected = store.GetDocument(put.Number);
        }

        StoredDocument? read = StoreReader.TryGetDocument(_directory, put.Number);

        Assert.NotNull(read);
        Assert.Equal(expected!.Content, read.Content);
        Assert.Equal(expected with { Content = read.Content }, read);
    }

    [Fact]
    public void TryGetDocument_ReturnsNull_WhenNotStored()
    {
        using (RfcStore.Open(_directory))
        {
        }

        Assert.Null(StoreReader.TryGetDocument(_directory, new RfcNumber(1)));
    }

    [Fact]
    public void TryGetDocument_ReturnsNullAndCreatesNothing_WhenThereIsNoStore()
    {
        string missing = Path.Combine(_directory, "none");

        Assert.Null(StoreReader.TryGetDocument(missing, new RfcNumber(2324)));
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void TryGetDocument_ReturnsNull_WhenTheFileIsNotADatabase()
    {
        File.WriteAllText(Path.Combine(_directory, RfcStore.FileName), "not a database, just text\n");

        Assert.Null(StoreReader.TryGetDocument(_directory, new RfcNumber(2324)));
    }

    [Fact]
    public void Reader_AnswersAsTheStore_ForNotIssuedCurrentVersionsAndErrata()
    {
        static DocId Rfc(int n) => DocId.ForRfc(new RfcNumber(n));
        static RfcIndexEntry Entry(int number) => new() { Number = new RfcNumber(number), Title = $"RFC {number}", CurrentStatus = RfcStatus.ProposedStandard };
        static ErrataRecord Erratum(string id, int rfc, string status, string type) => new()
        {
            Id = id, Rfc = new RfcNumber(rfc), StatusText = status, TypeText = type, Section = "1", OriginalText = "a", CorrectedText = "b", SubmitDate = "2020-01-01", Submitter = "S",
        };
        int[] numbers = [14, 2068, 2616, 7230, 7234, 9110, 9111, 9112, 2119, 1];
        using (RfcStore store = RfcStore.Open(_directory))
        {
            // Obsoletion stated partly in each direction, as the real index sometimes does.
            using IndexUpdate update = store.BeginIndexUpdate();
            update.Add(Entry(2068) with { ObsoletedBy = [Rfc(2616)] });
            update.Add(Entry(2616) with { Obsoletes = [Rfc(2068)] });
            update.Add(Entry(7230) with { Obsoletes = [Rfc(2616)], ObsoletedBy = [Rfc(9110), Rfc(9112)] });
            update.Add(Entry(7234) with { Obsoletes = [Rfc(2616)], ObsoletedBy = [Rfc(9111)] });
            update.Add(Entry(9110) with { Obsoletes = [Rfc(7230)] });
            update.Add(Entry(9111) with { Obsoletes = [Rfc(7234)] });
            update.Add(Entry(9112) with { Obsoletes = [Rfc(7230)] });
            update.Add(Entry(2119));
            update.Add(new RfcIndexEntry { Number = new RfcNumber(14), NotIssued = true });
            update.Commit(new IndexSyncState("http://127.0.0.1/rfc-index.txt", null, null, DateTimeOffset.UtcNow, 9));
        }

        List<(bool?, IReadOnlyList<RfcNumber>?, bool, string)> beforeErrata = Answers(numbers);
        using (RfcStore store = RfcStore.Open(_directory))
        {
            store.ReplaceErrata(
                [Erratum("1", 2616, "Verified", "Technical"), Erratum("2", 2616, "Reported", "Editorial"), Erratum("3", 9110, "Rejected", "Technical")],
                new ErrataSyncState("http://127.0.0.1/errata.json", null, DateTimeOffset.UtcNow, 3));
        }

        List<(bool?, IReadOnlyList<RfcNumber>?, bool, string)> afterErrata = Answers(numbers);
        List<(bool?, IReadOnlyList<RfcNumber>?, bool, string)> expected = [];
        using (RfcStore store = RfcStore.Open(_directory))
        {
            foreach (int n in numbers)
            {
                RfcNumber number = new(n);
                expected.Add((store.GetIndexEntry(number)?.Entry.NotIssued ?? false, store.GetCurrentVersions(number), true, Kinds(store.GetErrataKinds(number))));
            }
        }

        Assert.Equal(expected.Select(e => (e.Item1, string.Join(',', e.Item2!), e.Item3, e.Item4)), afterErrata.Select(a => (a.Item1, string.Join(',', a.Item2!), a.Item3, a.Item4)));
        Assert.Equal([9110, 9111, 9112], afterErrata[numbers.IndexOf(2616)].Item2!.Select(r => r.Value));
        Assert.True(afterErrata[0].Item1);
        Assert.All(beforeErrata, a => Assert.Equal("none synced", a.Item4));
    }

    [Fact]
    public void Reader_LeavesIndexQuestionsToTheStore_WhenTheSchemaIsNotCurrent()
    {
        using (RfcStore.Open(_directory))
        {
        }

        using (SqliteConnection connection = new($"Data Source={Path.Combine(_directory, RfcStore.FileName)};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {Schema.Migrations.Length - 1};";
            command.ExecuteNonQuery();
        }

        using StoreReader? reader = StoreReader.TryOpen(_directory);

        Assert.NotNull(reader);
        Assert.Null(reader.IsNotIssued(new RfcNumber(2616)));
        Assert.Null(reader.TryGetCurrentVersions(new RfcNumber(2616)));
        Assert.False(reader.TryGetErrataKinds(new RfcNumber(2616), out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(119)]
    [InlineData(120)]
    [InlineData(128)]
    [InlineData(19_000)]
    [InlineData(RfcStore.ManagedHashLimit)]
    [InlineData(RfcStore.ManagedHashLimit + 1)]
    public void HashForOneRead_IsTheSha256OfTheContent(int length)
    {
        byte[] content = new byte[length];
        new Random(length).NextBytes(content);

        string hash = RfcStore.HashForOneRead(content);
        Span<byte> managed = stackalloc byte[32];
        ManagedSha256.HashData(content, managed);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), hash);
        Assert.Equal(hash, Convert.ToHexStringLower(managed));
    }

    private List<(bool?, IReadOnlyList<RfcNumber>?, bool, string)> Answers(int[] numbers)
    {
        using StoreReader reader = StoreReader.TryOpen(_directory)!;
        List<(bool?, IReadOnlyList<RfcNumber>?, bool, string)> answers = [];
        foreach (int n in numbers)
        {
            bool answered = reader.TryGetErrataKinds(new RfcNumber(n), out IReadOnlyList<(string Status, string Type)>? kinds);
            answers.Add((reader.IsNotIssued(new RfcNumber(n)), reader.TryGetCurrentVersions(new RfcNumber(n)), answered, kinds is null ? "none synced" : Kinds(kinds)));
        }

        return answers;
    }

    private static string Kinds(IReadOnlyList<(string Status, string Type)> kinds) => string.Join(';', kinds.Select(k => $"{k.Status}/{k.Type}").Order(StringComparer.Ordinal));
}
