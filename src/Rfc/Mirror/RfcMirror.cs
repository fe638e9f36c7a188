using System.Diagnostics;
using System.Threading.Channels;
using Rfc.Documents;
using Rfc.Storage;
using Rfc.Transport;

namespace Rfc.Mirror;

/// <summary>
/// Brings many RFCs into the store, as a pipeline fetched → committed → indexed:
/// <see cref="MirrorOptions.Jobs"/> workers fetch over keep-alive connections and hand complete documents to
/// one writer, which commits them in batches (bytes only: verify and one row each); every committed batch goes
/// to the full-text indexer, whose threads (one per shard) read the documents back from the store and index
/// them on the cores the download leaves idle (fetching mostly waits on the network). The run ends when both are done. A document is
/// in the store whole or not at all, so a run stopped at any point (Ctrl+C, kill -9, power loss) loses
/// only what was not yet committed, and the next run starts where it stopped: stored documents are
/// skipped (or revalidated with <see cref="MirrorOptions.Refresh"/>).
/// </summary>
public sealed class RfcMirror
{
    private readonly RfcClient _client;
    private readonly RfcStore _store;
    private readonly MirrorOptions _options;

    /// <summary>Creates a mirror that fetches with <paramref name="client"/> into its store.</summary>
    public RfcMirror(RfcClient client, MirrorOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Jobs, 1);
        _client = client;
        _store = client.RequiredStore;
        _options = options;
    }

    /// <summary>Mirrors <paramref name="numbers"/>. Failures are counted, not thrown; cancellation throws.</summary>
    public async Task<MirrorSummary> RunAsync(IReadOnlyList<RfcNumber> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        Counters counters = new(numbers.Count, Stopwatch.GetTimestamp(), _options.Progress);
        IReadOnlySet<int> stored = RfcClient.FromStore(_store.StoredNumbers);

        // Bounded: a slow disk pushes back on the fetchers instead of piling documents up in memory.
        Channel<StoredDocument> written = Channel.CreateBounded<StoredDocument>(
            new BoundedChannelOptions(_options.BatchSize * 2) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        FullTextIndexer? indexer = null;
        if (_options.Index)
        {
            // What an earlier run stored but did not index (it was stopped, or ran with --no-index) goes first.
            IReadOnlyList<RfcNumber> pending = _store.FullTextPending();
            indexer = _store.StartFullTextIndexing(p => counters.IndexProgress(p.Total, p.Indexed), stop.Token);
            foreach (RfcNumber number in pending)
            {
                indexer.Enqueue(number);
            }

            counters.IndexProgress(indexer.Queued, indexer.Indexed);
        }

        Task writer = Task.Run(() => WriteAsync(written.Reader, indexer, counters, stop), CancellationToken.None);

        Channel<RfcNumber> queue = Channel.CreateUnbounded<RfcNumber>(new UnboundedChannelOptions { SingleWriter = true });
        foreach (RfcNumber number in numbers)
        {
            if (!_options.Refresh && stored.Contains(number.Value))
            {
                counters.Unchanged();
                continue;
            }

            queue.Writer.TryWrite(number);
        }

        queue.Writer.Complete();
        try
        {
            Task[] workers = [.. Enumerable.Range(0, _options.Jobs).Select(_ => Task.Run(() => WorkAsync(queue.Reader, written.Writer, stored, counters, stop.Token), CancellationToken.None))];
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (writer.IsFaulted)
        {
            // The writer failed and stopped the workers: its error is the one to report (below).
        }
        finally
        {
            written.Writer.TryComplete();
            try
            {
                await writer.ConfigureAwait(false);
            }
            finally
            {
                if (indexer is not null)
                {
                    await using (indexer.ConfigureAwait(false))
                    {
                        if (!stop.IsCancellationRequested)
                        {
                            await indexer.CompleteAsync().ConfigureAwait(false);
                        }
                    }
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new MirrorSummary(counters.Snapshot(), counters.FailuresInOrder());
    }

    private async Task WorkAsync(ChannelReader<RfcNumber> queue, ChannelWriter<StoredDocument> written, IReadOnlySet<int> stored, Counters counters, CancellationToken cancellationToken)
    {
        await foreach (RfcNumber number in queue.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            StoredDocument? previous = _options.Refresh && stored.Contains(number.Value) ? RfcClient.FromStore(() => _store.GetDocumentForRefresh(number)) : null;
            for (int attempt = 0; ; attempt++)
            {
                TimeSpan? wait;
                try
                {
                    FetchOutcome outcome = await _client.FetchAsync(number, previous, cancellationToken).ConfigureAwait(false);
                    if (outcome.StatusCode == 200)
                    {
                        await written.WriteAsync(outcome.ToStored(number, oneOfMany: true), cancellationToken).ConfigureAwait(false);
                        counters.Fetched(outcome.Content.Length);
                        break;
                    }

                    if (outcome.StatusCode == 304 && previous is not null)
                    {
                        counters.Unchanged();
                        break;
                    }

                    if (outcome.StatusCode is not (429 or (>= 500 and <= 599)) || attempt >= _options.Retries)
                    {
                        counters.Failed(new MirrorFailure(number, outcome.ToException(number).Message, IsNetwork: false));
                        break;
                    }

                    wait = outcome.RetryAfter ?? Backoff(attempt);
                }
                catch (RfcLibraryException e) when (!cancellationToken.IsCancellationRequested && e.Kind == RfcLibraryErrorKind.DocumentTooLarge)
                {
                    counters.Failed(new MirrorFailure(number, e.Message, IsNetwork: false));
                    break;
                }
                catch (FetchException e) when (!cancellationToken.IsCancellationRequested)
                {
                    bool transient = e.IsTimeout || e.Layer == FetchLayer.Tcp;
                    if (!transient || attempt >= _options.Retries)
                    {
                        counters.Failed(new MirrorFailure(number, e.Message, e.IsNetworkFailure));
                        break;
                    }

                    wait = Backoff(attempt);
                }

                await Task.Delay(wait.Value < _options.MaxDelay ? wait.Value : _options.MaxDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Exponential backoff with full jitter (a random wait up to base·2^attempt), so retries spread out.</summary>
    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * _options.BaseDelay.TotalMilliseconds * (1 << Math.Min(attempt, 16)));

    /// <summary>
    /// The one writer: commits whatever has arrived, up to a batch at a time, and hands the batch to the
    /// indexer. Even after Ctrl+C it commits what fully arrived (it is whole, and it is progress). If the store
    /// fails, it stops the workers.
    /// </summary>
    private async Task WriteAsync(ChannelReader<StoredDocument> written, FullTextIndexer? indexer, Counters counters, CancellationTokenSource stop)
    {
        List<StoredDocument> batch = new(_options.BatchSize);
        try
        {
            while (await written.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (batch.Count < _options.BatchSize && written.TryRead(out StoredDocument? item))
                {
                    batch.Add(item);
                }

                RfcClient.FromStore(() => _store.PutDocuments(batch));
                if (indexer is not null && !stop.IsCancellationRequested)
                {
                    foreach (StoredDocument document in batch)
                    {
                        indexer.Enqueue(document.Number);
                    }

                    counters.IndexProgress(indexer.Queued, indexer.Indexed);
                }

                batch.Clear();
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Thread-safe counts, reported to the progress callback after every change.</summary>
    private sealed class Counters(int total, long started, Action<MirrorProgress>? progress)
    {
        private readonly Lock _lock = new();
        private readonly List<MirrorFailure> _failures = [];
        private int _done, _fetched, _unchanged, _failed, _indexQueued, _indexed;
        private long _bytes;
        private MirrorFailure? _last;

        public void Fetched(long bytes) => Update(() => { _fetched++; _bytes += bytes; });

        public void Unchanged() => Update(() => _unchanged++);

        public void Failed(MirrorFailure failure) => Update(() =>
        {
            _failed++;
            _failures.Add(failure);
            _last = failure;
        });

        public void IndexProgress(int queued, int indexed)
        {
            MirrorProgress snapshot;
            lock (_lock)
            {
                _indexQueued = Math.Max(_indexQueued, queued);
                _indexed = Math.Max(_indexed, indexed);
                snapshot = Current();
            }

            progress?.Invoke(snapshot);
        }

        public MirrorProgress Snapshot()
        {
            lock (_lock)
            {
                return Current();
            }
        }

        public IReadOnlyList<MirrorFailure> FailuresInOrder()
        {
            lock (_lock)
            {
                return [.. _failures.OrderBy(f => f.Number)];
            }
        }

        // Call with the lock held.
        private MirrorProgress Current() => new MirrorProgress(total, _done, _fetched, _unchanged, _failed, _bytes, Stopwatch.GetElapsedTime(started), _last, _indexQueued, _indexed);

        private void Update(Action change)
        {
            MirrorProgress snapshot;
            lock (_lock)
            {
                change();
                _done++;
                snapshot = Current();
            }

            progress?.Invoke(snapshot);
        }
    }
}
