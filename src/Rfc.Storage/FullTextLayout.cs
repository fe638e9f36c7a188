using System.Globalization;

namespace Rfc.Storage;

/// <summary>
/// Where the full-text index lives: a directory <c>fulltext-K</c> beside the store's database holding K shard
/// files (<c>shard-0.db</c> …). K is fixed when the index is created (one shard per core, at most
/// <see cref="MaxShards"/>) and is part of the directory's name, so a document's shard never changes under an
/// incremental update; <c>rfc index --rebuild</c> deletes the directory and starts again.
/// </summary>
internal sealed record FullTextLayout(string Directory, int Shards)
{
    /// <summary>SQLite attaches at most 10 databases by default; the store's connection attaches every shard.</summary>
    public const int MaxShards = 8;

    private const string Prefix = "fulltext-";

    /// <summary>The file of shard <paramref name="index"/>.</summary>
    public string ShardPath(int index) => Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"shard-{index}.db"));

    /// <summary>The index in <paramref name="storeDirectory"/>, or null when there is none yet.</summary>
    public static FullTextLayout? Find(string storeDirectory)
    {
        if (!System.IO.Directory.Exists(storeDirectory))
        {
            return null;
        }

        foreach (string directory in System.IO.Directory.EnumerateDirectories(storeDirectory, Prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(directory).AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int shards) && shards is >= 1 and <= MaxShards)
            {
                return new FullTextLayout(directory, shards);
            }
        }

        return null;
    }

    /// <summary>The index in <paramref name="storeDirectory"/>, created (empty, every shard) when missing.</summary>
    public static FullTextLayout Create(string storeDirectory)
    {
        FullTextLayout layout = Find(storeDirectory) ?? new FullTextLayout(
            Path.Combine(storeDirectory, Prefix + Math.Clamp(Environment.ProcessorCount, 1, MaxShards).ToString(CultureInfo.InvariantCulture)),
            Math.Clamp(Environment.ProcessorCount, 1, MaxShards));
        System.IO.Directory.CreateDirectory(layout.Directory);
        for (int i = 0; i < layout.Shards; i++)
        {
            if (!File.Exists(layout.ShardPath(i)))
            {
                FullTextShard.EnsureCreated(layout.ShardPath(i));
            }
        }

        return layout;
    }

    /// <summary>Deletes every full-text index in <paramref name="storeDirectory"/>.</summary>
    public static void Delete(string storeDirectory)
    {
        if (!System.IO.Directory.Exists(storeDirectory))
        {
            return;
        }

        foreach (string directory in System.IO.Directory.EnumerateDirectories(storeDirectory, Prefix + "*"))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }
}
