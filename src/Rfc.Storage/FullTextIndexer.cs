using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Rfc.Documents;

namespace Rfc.Storage;

/// <summary>
/// Brings documents into the full-text index: one thread per shard, each reading the documents it is given from the store with
/// its own read-only connection (WAL: it never waits for the store's writer, nor the writer for it) and
/// writing its own shard file. A document goes to shard <c>number mod shards</c>. Each batch is one shard
/// transaction, so a killed indexer loses only its current batch and the index covers only documents it
/// read whole from the store and whose SHA-256 matched.
/// </summary>
internal sealed class FullTextIndexer : IAsyncDisposable
{
    /// <summary>Documents per shard transaction (32, 128 and 512 took the same CPU for a rebuild of the corpus).</summary>
    private const int BatchSize = 32;

    private readonly BlockingCollection<int>[] _queues;
    private readonly Task[] _workers;
    private readonly string _databasePath;
    private readonly Action<FullTextIndexProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private int _queued;
    private int _indexed;

    internal FullTextIndexer(string databasePath, FullTextLayout layout, Action<FullTextIndexProgress>? progress, CancellationToken cancellationToken)
    {
        _databasePath = databasePath;
        _progress = progress;
        _cancellationToken = cancellationToken;
        _queues = [.. Enumerable.Range(0, layout.Shards).Select(_ => new BlockingCollection<int>())];
        _workers = [.. Enumerable.Range(0, layout.Shards).Select(i => Task.Factory.StartNew(
            () => Work(layout.ShardPath(i), _queues[i]), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
    }

    /// <summary>Documents given to the indexer so far.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Documents indexed (or removed from the index) so far.</summary>
    public int Indexed => Volatile.Read(ref _indexed);

    /// <summary>Queues RFC <paramref name="number"/>: indexed as it is in the store when its turn comes (removed when it is not there).</summary>
    public void Enqueue(RfcNumber number)
    {
        Interlocked.Increment(ref _queued);
        _queues[number.Value % _queues.Length].Add(number.Value, CancellationToken.None);
    }

    /// <summary>Finishes what is queued and stops; throws what a shard's thread failed with.</summary>
    public async Task CompleteAsync()
    {
        foreach (BlockingCollection<int> queue in _queues)
        {
            queue.CompleteAdding();
        }

        await Task.WhenAll(_workers).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await CompleteAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped by the caller: what was committed stays, the rest is pending for the next run.
        }
        finally
        {
            foreach (BlockingCollection<int> queue in _queues)
            {
                queue.Dispose();
            }
        }
    }

    private void Work(string shardPath, BlockingCollection<int> queue)
    {
        // Normal priority, measured: below normal let a loaded machine starve the index (36 s of wall time for
        // 8 s of CPU in benchmarks/run.sh --store), and the fetchers mostly wait on the network anyway.
        using FullTextShard shard = FullTextShard.Open(shardPath);
        using SqliteConnection documents = new(new SqliteConnectionStringBuilder { DataSource = _databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        List<int> batch = new(BatchSize);
        try
        {
            // An empty shard (a new index, a rebuild, the first mirror) is built in bulk; anything else is an
            // incremental update with FTS5's usual merging (also undoing a bulk build killed before its end).
            bool bulk = shard.IsEmpty();
            if (bulk)
            {
                shard.BeginBulk();
            }
            else
            {
                shard.UseIncrementalMerging();
            }

            HashSet<int> added = [];
            documents.Open();
            using SqliteCommand busy = documents.CreateCommand();
            busy.CommandText = $"PRAGMA busy_timeout = {RfcStore.BusyTimeoutMilliseconds};";
            busy.ExecuteNonQuery();
            using SqliteCommand read = documents.CreateCommand();
            read.CommandText = "SELECT content, sha256 FROM documents WHERE number = $n;";
            SqliteParameter number = read.Parameters.Add("$n", SqliteType.Integer);
            while (queue.TryTake(out int first, Timeout.Infinite, _cancellationToken))
            {
                batch.Clear();
                batch.Add(first);
                while (batch.Count < BatchSize && queue.TryTake(out int next))
                {
                    batch.Add(next);
                }

                using (SqliteTransaction transaction = shard.Begin())
                {
                    foreach (int n in batch)
                    {
                        // Into an empty shard only a document indexed earlier in this build has anything to remove.
                        if (!bulk || !added.Add(n))
                        {
                            shard.Remove(transaction, n);
                        }

                        number.Value = n;
                        using SqliteDataReader reader = read.ExecuteReader();
                        if (!reader.Read())
                        {
                            continue;
                        }

                        byte[] content = (byte[])reader.GetValue(0);
                        string sha256 = reader.GetString(1);
                        if (!string.Equals(RfcStore.Hash(content), sha256, StringComparison.Ordinal))
                        {
                            continue; // A damaged copy is not indexed; reading it or 'cache verify' reports it.
                        }

                        (List<IndexUnit> units, List<IndexHeading> headings) = DocumentUnits.Split(content);
                        shard.Add(transaction, n, sha256, units, headings);
                    }

                    transaction.Commit();
                }

                int indexed = Interlocked.Add(ref _indexed, batch.Count);
                _progress?.Invoke(new FullTextIndexProgress(Queued, indexed));
            }

            if (bulk)
            {
                shard.EndBulk();
            }
        }
        catch (SqliteException e)
        {
            throw RfcStore.Damaged(shardPath, e);
        }
    }
}

/// <summary>Where an index build is.</summary>
/// <param name="Total">Documents queued so far.</param>
/// <param name="Indexed">Documents done.</param>
internal sealed record FullTextIndexProgress(int Total, int Indexed);

/// <summary>What an index update did.</summary>
/// <param name="Indexed">Documents indexed (new or changed).</param>
/// <param name="Removed">Documents removed from the index because the store no longer has them.</param>
/// <param name="Shards">Shards the index is split into (each built by its own thread).</param>
internal sealed record FullTextIndexUpdate(int Indexed, int Removed, int Shards);
