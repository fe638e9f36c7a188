using System.Text;
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
}
