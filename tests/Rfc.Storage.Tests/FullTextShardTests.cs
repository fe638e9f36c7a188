using Microsoft.Data.Sqlite;

namespace Rfc.Storage.Tests;

/// <summary>A shard's bulk build leaves FTS5's own merge settings behind it, even after a killed build.</summary>
public sealed class FullTextShardTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rfc-shard-").FullName;

    private string ShardPath => Path.Combine(_directory, "shard-0.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void EndBulk_PutsBackFtsMergeSettings_AndKeepsWhatWasAdded()
    {
        using (FullTextShard shard = FullTextShard.Open(ShardPath))
        {
            Assert.True(shard.IsEmpty());
            shard.BeginBulk();
            Assert.Equal(("0", "2000"), MergeSettings());
            AddOne(shard, 2324);
            shard.EndBulk();

            Assert.False(shard.IsEmpty());
        }

        Assert.Equal(("4", "16"), MergeSettings());
        Assert.Equal([2324L], Matches("coffee"));
    }

    [Fact]
    public void UseIncrementalMerging_UndoesABulkBuildThatNeverEnded()
    {
        using (FullTextShard killed = FullTextShard.Open(ShardPath))
        {
            killed.BeginBulk();
            AddOne(killed, 2324);
        }

        Assert.Equal(("0", "2000"), MergeSettings());

        using (FullTextShard next = FullTextShard.Open(ShardPath))
        {
            Assert.False(next.IsEmpty());
            next.UseIncrementalMerging();
        }

        Assert.Equal(("4", "16"), MergeSettings());
    }

    private static void AddOne(FullTextShard shard, int number)
    {
        using SqliteTransaction transaction = shard.Begin();
        shard.Add(transaction, number, new string('0', 64), [new IndexUnit(0, 10, 1, "the coffee pot")], []);
        transaction.Commit();
    }

    private (string? Automerge, string? Crisismerge) MergeSettings()
    {
        using SqliteConnection connection = new($"Data Source={ShardPath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT v FROM unit_text_config WHERE k = 'automerge'), (SELECT v FROM unit_text_config WHERE k = 'crisismerge');";
        using SqliteDataReader reader = command.ExecuteReader();
        reader.Read();
        return (reader.IsDBNull(0) ? null : reader.GetValue(0).ToString(), reader.IsDBNull(1) ? null : reader.GetValue(1).ToString());
    }

    private List<long> Matches(string term)
    {
        using SqliteConnection connection = new($"Data Source={ShardPath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT rowid >> 16 FROM unit_text WHERE unit_text MATCH $q;";
        command.Parameters.AddWithValue("$q", term);
        using SqliteDataReader reader = command.ExecuteReader();
        List<long> found = [];
        while (reader.Read())
        {
            found.Add(reader.GetInt64(0));
        }

        return found;
    }
}
