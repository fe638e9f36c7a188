using Microsoft.Data.Sqlite;
using Rfc.Documents.Index;
using Rfc.Testing;

namespace Rfc.Storage.Tests;

/// <summary>Two stores, one synced from the corpus's rfc-index.txt and one from rfc-index.xml, built once for the ranking tests.</summary>
public sealed class CorpusIndexStores : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rfc-ranking-").FullName;

    internal RfcStore? Text { get; private set; }

    internal RfcStore? Xml { get; private set; }

    internal RfcStore Get(string format)
    {
        RfcStore? store = format == "txt" ? Text : Xml;
        if (store is null)
        {
            Assert.Skip($"RFC corpus not found (set {CorpusLocator.EnvironmentVariable} or provide ../shared/corpus); needs index/rfc-index.{format}");
        }

        return store;
    }

    public async ValueTask InitializeAsync()
    {
        if (CorpusLocator.IndexPath("rfc-index.xml") is not string xml || !File.Exists(xml))
        {
            return;
        }

        Text = await LoadAsync(Path.Combine(_directory, "txt"), CorpusLocator.IndexPath("rfc-index.txt")!, RfcIndexTextParser.ParseAsync);
        Xml = await LoadAsync(Path.Combine(_directory, "xml"), xml, RfcIndexXmlParser.ParseAsync);
    }

    private static async Task<RfcStore> LoadAsync(string directory, string path, Func<Stream, CancellationToken, IAsyncEnumerable<IndexRecord>> parse)
    {
        RfcStore store = RfcStore.Open(directory);
        await using FileStream file = File.OpenRead(path);
        using IndexUpdate update = store.BeginIndexUpdate();
        await foreach (IndexRecord record in parse(file, CancellationToken.None))
        {
            update.Add(record);
        }

        update.Commit(new IndexSyncState("http://127.0.0.1/" + Path.GetFileName(path), null, null, DateTimeOffset.UtcNow, update.Counts.Total));
        return store;
    }

    public ValueTask DisposeAsync()
    {
        Text?.Dispose();
        Xml?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
