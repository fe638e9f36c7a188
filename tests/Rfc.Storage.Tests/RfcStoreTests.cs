using System.Text;
using Microsoft.Data.Sqlite;
using Rfc.Documents;
using Rfc.Storage;

using Rfc.Testing;

namespace Rfc.Storage.Tests;

public sealed class RfcStoreTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("rfc-store-");

    public void Dispose() => _temporary.Dispose();

    private string StoreDirectory => _temporary.Path;

    private static StoredDocument Document(int number, byte[] content, string? etag = null) =>
        new(new RfcNumber(number), content, etag, null, DateTimeOffset.UtcNow, RfcStore.Hash(content), $"http://127.0.0.1/rfc{number}.txt");

    [Fact]
    public void Open_CreatesDirectoryAndDatabase_OnFirstUse()
    {
        string nested = Path.Combine(StoreDirectory, "a", "b");

        using RfcStore store = RfcStore.Open(nested);

        Assert.True(File.Exists(Path.Combine(nested, RfcStore.FileName)));
        Assert.Empty(store.ListDocuments());
    }

    [Fact]
    public void PutDocument_KeepsBytesExactly_AndReplacesOnSecondPut()
    {
        byte[] first = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Preuß\f\r\n"), 0x00, 0xE9];
        byte[] second = Encoding.ASCII.GetBytes("second version\n");
        using RfcStore store = RfcStore.Open(StoreDirectory);

        store.PutDocument(Document(2324, first, "\"v1\""));
        StoredDocument? afterFirst = store.GetDocument(new RfcNumber(2324));
        store.PutDocument(Document(2324, second, "\"v2\""));
        StoredDocument? afterSecond = store.GetDocument(new RfcNumber(2324));

        Assert.Equal(first, afterFirst!.Content);
        Assert.Equal("\"v1\"", afterFirst.ETag);
        Assert.Equal(RfcStore.Hash(first), afterFirst.Sha256);
        Assert.Equal(second, afterSecond!.Content);
        Assert.Equal("\"v2\"", afterSecond.ETag);
        Assert.Single(store.ListDocuments());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4_000)]
    [InlineData(422_279)]
    [InlineData(3 * 1024 * 1024 + 7)]
    public void PutDocuments_WritesEveryByte_ThroughTheBlobHandle_WhateverTheSize(int length)
    {
        // The bytes are written into a zeroblob of their size after the row is inserted: every size, empty and
        // several overflow pages included, must read back exactly, and a shorter replacement must not keep a tail.
        byte[] content = new byte[length];
        new Random(length).NextBytes(content);
        byte[] shorter = content[..(length / 2)];
        using RfcStore store = RfcStore.Open(StoreDirectory);

        store.PutDocuments([Document(1, content), Document(2, shorter)]);
        byte[] first = store.GetDocument(new RfcNumber(1))!.Content;
        store.PutDocument(Document(1, shorter));

        Assert.Equal(content, first);
        Assert.Equal(shorter, store.GetDocument(new RfcNumber(1))!.Content);
        Assert.Equal(shorter, store.GetDocument(new RfcNumber(2))!.Content);
        Assert.Equal(shorter.LongLength, store.ListDocuments().Single(d => d.Number.Value == 1).Size);
    }

    [Fact]
    public void GetDocument_ReturnsNull_WhenNotStored()
    {
        using RfcStore store = RfcStore.Open(StoreDirectory);

        Assert.Null(store.GetDocument(new RfcNumber(1)));
        Assert.False(store.Contains(new RfcNumber(1)));
    }

    [Fact]
    public void Open_KeepsData_AcrossReopen_AndMigratesOnce()
    {
        using (RfcStore store = RfcStore.Open(StoreDirectory))
        {
            store.PutDocument(Document(1, "one"u8.ToArray()));
        }

        using RfcStore reopened = RfcStore.Open(StoreDirectory);

        Assert.Equal("one"u8.ToArray(), reopened.GetDocument(new RfcNumber(1))!.Content);
    }

    [Fact]
    public void ClearDocuments_RemovesEverything_AndSaysHowMany()
    {
        using RfcStore store = RfcStore.Open(StoreDirectory);
        store.PutDocument(Document(1, "one"u8.ToArray()));
        store.PutDocument(Document(2, "two"u8.ToArray()));

        int removed = store.ClearDocuments();

        Assert.Equal(2, removed);
        Assert.Empty(store.ListDocuments());
    }

    [Fact]
    public void ListDocuments_ReportsSizeAndOrder()
    {
        using RfcStore store = RfcStore.Open(StoreDirectory);
        store.PutDocument(Document(9110, new byte[300]));
        store.PutDocument(Document(791, new byte[20]));

        IReadOnlyList<StoredDocumentInfo> list = store.ListDocuments();

        Assert.Equal([791, 9110], list.Select(d => d.Number.Value));
        Assert.Equal([20L, 300L], list.Select(d => d.Size));
    }

    [Fact]
    public void Open_ThrowsStoreException_SayingWhatToDo_WhenFileIsNotADatabase()
    {
        File.WriteAllText(Path.Combine(StoreDirectory, RfcStore.FileName), new string('x', 4096));

        StoreException error = Assert.Throws<StoreException>(() => RfcStore.Open(StoreDirectory));

        Assert.Contains("is damaged", error.Message);
        Assert.Contains("move it away or delete it", error.Message);
    }

    [Fact]
    public void Open_ThrowsStoreException_WhenDirectoryCannotBeCreated()
    {
        string blocker = Path.Combine(StoreDirectory, "file");
        File.WriteAllText(blocker, "");

        StoreException error = Assert.Throws<StoreException>(() => RfcStore.Open(Path.Combine(blocker, "store")));

        Assert.Contains("set RFC_HOME", error.Message);
    }

    [Fact]
    public void Open_UsesWriteAheadLog()
    {
        using RfcStore store = RfcStore.Open(StoreDirectory);
        using SqliteConnection connection = new($"Data Source={store.DatabasePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task PutDocument_WorksFromTwoStoresAtOnce_OnOneFile()
    {
        using RfcStore a = RfcStore.Open(StoreDirectory);
        using RfcStore b = RfcStore.Open(StoreDirectory);

        Task writeA = Task.Run(() =>
        {
            for (int i = 1; i <= 200; i += 2)
            {
                a.PutDocument(Document(i, Encoding.ASCII.GetBytes($"doc {i}")));
            }
        }, TestContext.Current.CancellationToken);
        Task writeB = Task.Run(() =>
        {
            for (int i = 2; i <= 200; i += 2)
            {
                b.PutDocument(Document(i, Encoding.ASCII.GetBytes($"doc {i}")));
                _ = b.GetDocument(new RfcNumber(i - 1));
            }
        }, TestContext.Current.CancellationToken);
        await Task.WhenAll(writeA, writeB);

        Assert.Equal(200, a.ListDocuments().Count);
        Assert.All(Enumerable.Range(1, 200), i => Assert.Equal(Encoding.ASCII.GetBytes($"doc {i}"), b.GetDocument(new RfcNumber(i))!.Content));
    }

    [Theory]
    [InlineData("/tmp/x", null, "/h", "/tmp/x")]
    [InlineData(null, "/data", "/h", "/data/rfc")]
    [InlineData(null, null, "/h", "/h/.local/share/rfc")]
    [InlineData(null, "relative", "/h", "/h/.local/share/rfc")]
    public void StoreLocation_FollowsXdgOrder(string? rfcHome, string? xdgDataHome, string home, string expected)
    {
        Dictionary<string, string?> environment = new() { ["RFC_HOME"] = rfcHome, ["XDG_DATA_HOME"] = xdgDataHome, ["HOME"] = home };

        Assert.Equal(expected, StoreLocation.Resolve(name => environment.GetValueOrDefault(name)));
    }
}
