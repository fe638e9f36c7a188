namespace Rfc.Mirror;

/// <summary>How <see cref="RfcMirror"/> runs.</summary>
public sealed record MirrorOptions
{
    /// <summary>The default for <see cref="Jobs"/>: what browsers allow per host, and what curl's benchmark peer uses.</summary>
    public const int DefaultJobs = 6;

    /// <summary>Concurrent fetches, each on its own keep-alive connection.</summary>
    public int Jobs { get; init; } = DefaultJobs;

    /// <summary>Revalidate stored documents with conditional requests instead of skipping them.</summary>
    public bool Refresh { get; init; }

    /// <summary>
    /// Index the documents for full-text search while fetching (on the cores the download leaves idle); the run
    /// ends when both are done. False (<c>--no-index</c>) stops after the documents: the next full-text search
    /// or <c>rfc index</c> indexes them.
    /// </summary>
    public bool Index { get; init; } = true;

    /// <summary>Retries after the first attempt for timeouts, resets, 429 and 5xx.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The first backoff; each retry doubles it, with full jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait before a retry, even when the server's Retry-After asks for more.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Documents committed per store transaction (one fsync per batch, not per document).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Receives progress after every document; called from several threads.</summary>
    public Action<MirrorProgress>? Progress { get; init; }
}
