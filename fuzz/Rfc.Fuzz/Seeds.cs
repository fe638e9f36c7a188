using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Rfc.Fuzz;

/// <summary>
/// Writes a target's seed inputs from the shared material (../shared: the HTTP vectors and the corpus), small
/// enough for afl-fuzz (a few KB each). Nothing here is committed: the seeds are made again on every run.
/// </summary>
internal static class Seeds
{
    private const int MaxSeedBytes = 16 * 1024;

    public static int Write(string target, string dir, string shared)
    {
        Directory.CreateDirectory(dir);
        List<byte[]> seeds = target switch
        {
            "http-head" => HttpVectors(shared),
            "exchange" => [.. HttpVectors(shared), .. CompressedResponses()],
            "chunked" => ChunkedBodies(shared),
            "content" => Compressed(shared),
            "index-text" => TextIndexes(shared),
            "index-xml" => XmlIndexes(shared),
            "sections" => Documents(shared),
            "errata" => Errata(shared),
            "references" => DocumentTails(shared),
            _ => [],
        };

        // afl-fuzz needs at least one seed; a tiny one keeps a target runnable without ../shared.
        if (seeds.Count == 0)
        {
            seeds.Add("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray());
        }

        for (int i = 0; i < seeds.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(dir, $"seed-{i:D4}"), seeds[i]);
        }

        Console.WriteLine($"{target}: {seeds.Count} seeds in {dir}");
        return 0;
    }

    /// <summary>The exact bytes each HTTP vector's server sends (the README's <c>raw</c>, base64).</summary>
    private static List<byte[]> HttpVectors(string shared)
    {
        var seeds = new List<byte[]>();
        string folder = Path.Combine(shared, "http-vectors");
        if (!Directory.Exists(folder))
        {
            return seeds;
        }

        foreach (string file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (JsonElement vector in json.RootElement.EnumerateArray())
            {
                if (vector.TryGetProperty("raw", out JsonElement raw) && raw.GetString() is string base64)
                {
                    byte[] bytes = Convert.FromBase64String(base64);
                    if (bytes.Length <= MaxSeedBytes)
                    {
                        seeds.Add(bytes);
                    }
                }
            }
        }

        return seeds;
    }

    /// <summary>Responses whose bodies carry a content coding, framed by length, by chunks and by close.</summary>
    private static List<byte[]> CompressedResponses()
    {
        byte[] text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Network Working Group. Request for Comments: 2324\n", 8)));
        byte[] gzip = Compress(text, s => new GZipStream(s, CompressionLevel.Optimal));
        byte[] zlib = Compress(text, s => new ZLibStream(s, CompressionLevel.Optimal));
        byte[] raw = Compress(text, s => new DeflateStream(s, CompressionLevel.Optimal));
        byte[] Head(string fields) => Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\n{fields}\r\n\r\n");
        byte[] Chunked(byte[] body) => [.. Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8];
        return
        [
            [.. Head($"Content-Encoding: gzip\r\nContent-Length: {gzip.Length}"), .. gzip],
            [.. Head($"Content-Encoding: deflate\r\nContent-Length: {zlib.Length}"), .. zlib],
            [.. Head("Content-Encoding: deflate\r\nConnection: close"), .. raw],
            [.. Head("Content-Encoding: gzip\r\nTransfer-Encoding: chunked"), .. Chunked(gzip)],
            [.. Head($"Content-Encoding: gzip\r\nContent-Length: {gzip.Length / 2}"), .. gzip[..(gzip.Length / 2)]],
        ];
    }

    /// <summary>The chunked bodies in the HTTP vectors (after the head), each behind two different piece-size bytes.</summary>
    private static List<byte[]> ChunkedBodies(string shared)
    {
        var seeds = new List<byte[]>();
        foreach (byte[] response in HttpVectors(shared))
        {
            int end = response.AsSpan().IndexOf("\r\n\r\n"u8);
            if (end < 0 || !Encoding.Latin1.GetString(response, 0, end).Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            byte[] body = response[(end + 4)..];
            seeds.Add([0xFF, .. body]);
            seeds.Add([0x20, .. body]);
        }

        seeds.Add([0x00, .. "5\r\nhello\r\n0\r\n\r\n"u8]);
        return seeds;
    }

    /// <summary>Pieces of corpus text gzip-, zlib- and raw-deflate-compressed (whole and cut short), behind the byte that picks the coding.</summary>
    private static List<byte[]> Compressed(string shared)
    {
        var seeds = new List<byte[]>();
        foreach (byte[] text in Documents(shared).Take(2).Select(d => d[..Math.Min(d.Length, 2048)]).Append("hello"u8.ToArray()))
        {
            byte[] gzip = Compress(text, s => new GZipStream(s, CompressionLevel.Optimal));
            byte[] zlib = Compress(text, s => new ZLibStream(s, CompressionLevel.Optimal));
            byte[] raw = Compress(text, s => new DeflateStream(s, CompressionLevel.Optimal));
            seeds.Add([0, .. gzip]);
            seeds.Add([0, .. gzip[..(gzip.Length / 2)]]);
            seeds.Add([1, .. zlib]);
            seeds.Add([1, .. raw]);
            seeds.Add([1, .. raw[..(raw.Length - 1)]]);
            seeds.Add([3, .. Compress(raw, s => new GZipStream(s, CompressionLevel.Optimal))]);
        }

        return seeds;
    }

    private static byte[] Compress(byte[] data, Func<Stream, Stream> encoder)
    {
        using var output = new MemoryStream();
        using (Stream stream = encoder(output))
        {
            stream.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>The small published indexes whole, and the start of the big one, cut at a blank line.</summary>
    private static List<byte[]> TextIndexes(string shared)
    {
        var seeds = new List<byte[]>();
        string folder = Path.Combine(shared, "corpus", "index");
        foreach (string name in (string[])["rfc-index-latest.txt", "rfc-index.txt", "fyi-index.txt", "std-index.txt", "bcp-index.txt"])
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                seeds.Add(CutAt(ReadHead(path, MaxSeedBytes), "\n\n"u8));
            }
        }

        return seeds;
    }

    /// <summary>The XML index's header and a few entries of each kind, closed again so the seed is well-formed.</summary>
    private static List<byte[]> XmlIndexes(string shared)
    {
        var seeds = new List<byte[]>();
        string path = Path.Combine(shared, "corpus", "index", "rfc-index.xml");
        if (!File.Exists(path))
        {
            return seeds;
        }

        string xml = File.ReadAllText(path);
        int first = xml.IndexOf("-entry>", StringComparison.Ordinal);
        first = first < 0 ? -1 : xml.LastIndexOf('<', first);
        if (first < 0)
        {
            return seeds;
        }

        // Sub-series entries, which not every copy of the index has.
        string header = xml[..first];
        seeds.Add(Encoding.UTF8.GetBytes(header + """
              <bcp-entry><doc-id>BCP0014</doc-id><title>Key words</title><is-also><doc-id>RFC2119</doc-id><doc-id>RFC8174</doc-id></is-also></bcp-entry>
              <std-entry><doc-id>STD0007</doc-id><title>Transmission Control Protocol</title><is-also><doc-id>RFC9293</doc-id></is-also></std-entry>
              <fyi-entry><doc-id>FYI0001</doc-id><title>F.Y.I. on F.Y.I.</title></fyi-entry>
            </rfc-index>
            """));
        foreach (string kind in (string[])["rfc-entry", "rfc-not-issued-entry"])
        {
            var entries = new StringBuilder();
            int from = 0;
            for (int n = 0; n < 4; n++)
            {
                int start = xml.IndexOf($"<{kind}>", from, StringComparison.Ordinal);
                int end = start < 0 ? -1 : xml.IndexOf($"</{kind}>", start, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                end += kind.Length + 3;
                entries.Append(xml, start, end - start).Append('\n');
                from = end;
            }

            seeds.Add(Encoding.UTF8.GetBytes(header + entries + "</rfc-index>\n"));
        }

        return seeds;
    }

    /// <summary>A few corpus documents: small ones whole, and the start (front matter, contents, first sections) of large ones.</summary>
    private static List<byte[]> Documents(string shared)
    {
        string folder = Path.Combine(shared, "corpus", "rfc");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var seeds = new List<byte[]>();
        foreach (string name in (string[])["rfc2119.txt", "rfc8174.txt", "rfc1149.txt", "rfc9112.txt", "rfc3986.txt", "rfc791.txt"])
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                seeds.Add(CutAt(ReadHead(path, MaxSeedBytes), "\n"u8));
            }
        }

        return seeds;
    }

    /// <summary>The first records of errata.json, closed again so the seed is a whole array, and the empty array.</summary>
    private static List<byte[]> Errata(string shared)
    {
        string path = Path.Combine(shared, "corpus", "errata", "errata.json");
        var seeds = new List<byte[]> { "[]"u8.ToArray() };
        if (File.Exists(path))
        {
            string head = Encoding.UTF8.GetString(ReadHead(path, MaxSeedBytes));
            int cut = head.LastIndexOf("\n  },", StringComparison.Ordinal);
            if (cut > 0)
            {
                seeds.Add(Encoding.UTF8.GetBytes(head[..(cut + 4)] + "\n]\n"));
            }
        }

        return seeds;
    }

    /// <summary>The ends of a few corpus documents, where their reference sections are.</summary>
    private static List<byte[]> DocumentTails(string shared)
    {
        string folder = Path.Combine(shared, "corpus", "rfc");
        var seeds = new List<byte[]>();
        foreach (string name in (string[])["rfc2119.txt", "rfc8174.txt", "rfc9112.txt", "rfc3986.txt", "rfc791.txt", "rfc2616.txt"])
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                byte[] all = File.ReadAllBytes(path);
                byte[] tail = all[Math.Max(0, all.Length - MaxSeedBytes)..];
                int line = tail.AsSpan().IndexOf((byte)'\n');
                seeds.Add(all.Length <= MaxSeedBytes || line < 0 ? tail : tail[(line + 1)..]);
            }
        }

        return seeds;
    }

    private static byte[] ReadHead(string path, int max)
    {
        using FileStream file = File.OpenRead(path);
        byte[] buffer = new byte[Math.Min(max, file.Length)];
        file.ReadExactly(buffer);
        return buffer;
    }

    /// <summary>Cuts <paramref name="bytes"/> after the last <paramref name="separator"/>, so a trimmed seed ends where a line or entry does.</summary>
    private static byte[] CutAt(byte[] bytes, ReadOnlySpan<byte> separator)
    {
        int last = bytes.AsSpan().LastIndexOf(separator);
        return last <= 0 ? bytes : bytes[..(last + separator.Length)];
    }
}
