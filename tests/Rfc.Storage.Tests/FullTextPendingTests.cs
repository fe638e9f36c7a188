using System.Text;
using Microsoft.Data.Sqlite;
using Rfc.Documents;
using Rfc.Testing;

namespace Rfc.Storage.Tests;

/// <summary><see cref="RfcStore.HasFullTextPending"/> agrees with the list of <see cref="RfcStore.FullTextPending"/> in every state.</summary>
public sealed class FullTextPendingTests : IDisposable
{
    private readonly TemporaryDirectory _temporary = new("rfc-pending-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temporary.Dispose();
    }

    private static StoredDocument Document(int number, string text)
    {
        byte[] content = Encoding.ASCII.GetBytes(text);
        return new(new RfcNumber(number), content, null, null, DateTimeOffset.UtcNow, RfcStore.Hash(content), null);
    }

    private static void AssertPending(RfcStore store, bool expected)
    {
        Assert.Equal(expected, store.FullTextPending().Count > 0);
        Assert.Equal(expected, store.HasFullTextPending());
    }

    [Fact]
    public async Task HasFullTextPending_FollowsNewChangedAndRemovedDocuments()
    {
        using RfcStore store = RfcStore.Open(_temporary.Path);
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        AssertPending(store, false);

        // New documents, in more than one shard.
        store.PutDocuments([Document(2324, "a coffee pot\n"), Document(2325, "a teapot\n"), Document(7168, "tea\n")]);
        AssertPending(store, true);
        await store.UpdateFullTextIndexAsync(rebuild: false, null, cancellationToken);
        AssertPending(store, false);

        // A changed document.
        store.PutDocument(Document(2325, "a different teapot\n"));
        AssertPending(store, true);
        await store.UpdateFullTextIndexAsync(rebuild: false, null, cancellationToken);
        AssertPending(store, false);

        // A document gone from the store while the index still covers it.
        using (SqliteConnection connection = new($"Data Source={Path.Combine(_temporary.Path, RfcStore.FileName)};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM documents WHERE number = 7168;";
            Assert.Equal(1, delete.ExecuteNonQuery());
        }

        AssertPending(store, true);
        await store.UpdateFullTextIndexAsync(rebuild: false, null, cancellationToken);
        AssertPending(store, false);
    }
}
