using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rfc.Documents.Errata;

/// <summary>
/// Reads the RFC Editor's <c>errata.json</c> (one JSON array of flat objects) with <see cref="Utf8JsonReader"/>,
/// streaming: the stream is read in blocks and the reader's state carried across them, so memory holds one block plus
/// the records kept. No reflection (NativeAOT), linear time, every limit a named constant. Lenient where the real file
/// is irregular: ids may be strings or numbers, unknown fields and nested values are skipped, dates are kept as text,
/// CRLF becomes LF; a record without an id or an RFC <c>doc-id</c> is skipped and counted. Strict where a file is
/// not errata at all: malformed or truncated JSON, or a top level that is not an array, throw
/// <see cref="ErrataFormatException"/>.
/// </summary>
internal static class ErrataParser
{
    /// <summary>
    /// The largest file accepted. errata.json is about 12 MB in 2026 for 8,018 records and grows by well under 1 MB a
    /// year; 256 MiB stops a wrong URL from filling memory.
    /// </summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>The largest single JSON token (one text field). The longest real one is under 40 KB; 4 MiB is generous.</summary>
    public const int MaxTokenBytes = 4 * 1024 * 1024;

    /// <summary>The most records accepted: 100 times today's count.</summary>
    public const int MaxRecords = 1_000_000;

    /// <summary>Nesting depth allowed: array, object, and a little room for a nested value a future file may add.</summary>
    private const int MaxDepth = 8;

    /// <summary>The read block; a token longer than this grows the buffer up to <see cref="MaxTokenBytes"/>.</summary>
    private const int BlockBytes = 64 * 1024;

    /// <summary>The fields read; any other is skipped.</summary>
    private static readonly string[] FieldNames =
        ["errata_id", "doc-id", "errata_status_code", "errata_type_code", "section", "orig_text", "correct_text", "notes", "submit_date", "submitter_name", "verifier_name", "update_date"];

    private static readonly byte[][] FieldNamesUtf8 = [.. FieldNames.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Parses a whole errata file from <paramref name="stream"/>.</summary>
    public static ErrataParseResult Parse(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Machine machine = new();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        try
        {
            JsonReaderState state = new(new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
            int filled = 0;
            long offset = 0; // bytes of the file before buffer[0]
            bool final = false;
            while (true)
            {
                int read = stream.Read(buffer, filled, buffer.Length - filled);
                final = read == 0;
                filled += read;
                if (offset + filled > MaxFileBytes)
                {
                    throw new ErrataFormatException(string.Create(CultureInfo.InvariantCulture, $"the errata file is larger than {MaxFileBytes / (1024 * 1024)} MiB"), offset + filled);
                }

                if (!final && filled < buffer.Length)
                {
                    continue; // fill the block before parsing: fewer reader restarts
                }

                int consumed = Feed(machine, buffer.AsSpan(0, filled), final, ref state, offset);
                if (final)
                {
                    break;
                }

                int left = filled - consumed;
                if (consumed == 0 && left == buffer.Length)
                {
                    // One token is larger than the whole buffer: grow it, within the limit.
                    if (buffer.Length >= MaxTokenBytes)
                    {
                        throw new ErrataFormatException(string.Create(CultureInfo.InvariantCulture, $"a value in the errata file is longer than {MaxTokenBytes / (1024 * 1024)} MiB"), offset);
                    }

                    byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    continue;
                }

                buffer.AsSpan(consumed, left).CopyTo(buffer);
                offset += consumed;
                filled = left;
            }

            if (!machine.Finished)
            {
                throw new ErrataFormatException("the errata file ends before its closing ']' (truncated)", offset + filled);
            }

            return new ErrataParseResult(machine.Records, machine.Skipped);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses a whole errata file held in memory.</summary>
    public static ErrataParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        Machine machine = new();
        JsonReaderState state = new(new JsonReaderOptions { MaxDepth = MaxDepth });
        if (utf8.Length > MaxFileBytes)
        {
            throw new ErrataFormatException(string.Create(CultureInfo.InvariantCulture, $"the errata file is larger than {MaxFileBytes / (1024 * 1024)} MiB"), utf8.Length);
        }

        Feed(machine, utf8, final: true, ref state, 0);
        if (!machine.Finished)
        {
            throw new ErrataFormatException("the errata file ends before its closing ']' (truncated)", utf8.Length);
        }

        return new ErrataParseResult(machine.Records, machine.Skipped);
    }

    private static int Feed(Machine machine, ReadOnlySpan<byte> block, bool final, ref JsonReaderState state, long offset)
    {
        // A UTF-8 BOM before the array is allowed by RFC 8259 §8.1 parsers' leniency; the reader itself skips it.
        JsonReaderState start = state;
        Utf8JsonReader reader = new(block, final, state);
        try
        {
            while (reader.Read())
            {
                machine.Handle(ref reader, offset);
            }
        }
        catch (JsonException e)
        {
            // The reader's own message is not used (NativeAOT may print a resource key); its position is. A file that
            // would parse if more bytes came is truncated: read the block again as a non-final one to tell.
            long at = offset + reader.BytesConsumed;
            string what = final && NeedsMore(block, start) ? "ends in the middle of a value (truncated)" : "is not well-formed JSON";
            throw new ErrataFormatException(string.Create(CultureInfo.InvariantCulture, $"the errata file {what} at line {(e.LineNumber ?? 0) + 1}, byte {at}"), at, e);
        }
        catch (InvalidOperationException e)
        {
            // GetString on a string holding bytes that are not UTF-8 (found by fuzz/run.sh errata).
            long at = offset + reader.TokenStartIndex;
            throw new ErrataFormatException(string.Create(CultureInfo.InvariantCulture, $"the errata file holds text that is not UTF-8 at byte {at}"), at, e);
        }

        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private static bool NeedsMore(ReadOnlySpan<byte> rest, JsonReaderState state)
    {
        Utf8JsonReader probe = new(rest, isFinalBlock: false, state);
        try
        {
            while (probe.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The flat state machine: array → objects → fields; deeper values are skipped.</summary>
    private sealed class Machine
    {
        // The fields kept, by position in FieldNames; property names are compared as UTF-8, never allocated.
        private readonly string?[] _fields = new string?[FieldNames.Length];
        private int _depth;
        private int _property = -1;
        private bool _started;

        public List<ErrataRecord> Records { get; } = [];

        public int Skipped { get; private set; }

        public bool Finished { get; private set; }

        public void Handle(ref Utf8JsonReader reader, long offset)
        {
            JsonTokenType token = reader.TokenType;
            if (Finished)
            {
                throw new ErrataFormatException("the errata file has content after its closing ']'", offset + reader.TokenStartIndex);
            }

            if (!_started)
            {
                if (token != JsonTokenType.StartArray)
                {
                    throw new ErrataFormatException("the errata file is not a JSON array of errata records", offset + reader.TokenStartIndex);
                }

                _started = true;
                _depth = 1;
                return;
            }

            switch (token)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (_depth == 1 && token == JsonTokenType.StartArray)
                    {
                        throw new ErrataFormatException("the errata array holds an array where a record belongs", offset + reader.TokenStartIndex);
                    }

                    if (_depth == 1)
                    {
                        Array.Clear(_fields);
                    }

                    _depth++;
                    _property = -1;
                    return;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    _depth--;
                    if (_depth == 1)
                    {
                        Complete(offset + reader.TokenStartIndex);
                    }
                    else if (_depth == 0)
                    {
                        Finished = true;
                    }

                    return;
                case JsonTokenType.PropertyName:
                    if (_depth == 2)
                    {
                        _property = FieldIndex(ref reader);
                    }

                    return;
                default:
                    if (_depth == 1)
                    {
                        throw new ErrataFormatException("the errata array holds a value where a record belongs", offset + reader.TokenStartIndex);
                    }

                    if (_depth == 2 && _property >= 0)
                    {
                        _fields[_property] = token switch
                        {
                            JsonTokenType.String => reader.GetString(),
                            // Lenient: an id written as a number is the same id.
                            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                            _ => null,
                        };
                        _property = -1;
                    }

                    return;
            }
        }

        private void Complete(long position)
        {
            string? id = Field("errata_id")?.Trim();
            string? docId = Field("doc-id");
            if (string.IsNullOrEmpty(id) || !DocId.TryParse(docId, out DocId doc) || !doc.IsRfc)
            {
                Skipped++;
                return;
            }

            if (Records.Count >= MaxRecords)
            {
                throw new ErrataFormatException(string.Create(CultureInfo.InvariantCulture, $"the errata file holds more than {MaxRecords} records"), position);
            }

            Records.Add(new ErrataRecord
            {
                Id = id,
                Rfc = doc.ToRfcNumber(),
                StatusText = Field("errata_status_code")?.Trim() ?? "",
                TypeText = Field("errata_type_code")?.Trim() ?? "",
                Section = Text(Field("section")).Trim(),
                OriginalText = Text(Field("orig_text")),
                CorrectedText = Text(Field("correct_text")),
                Notes = Text(Field("notes")),
                SubmitDate = Field("submit_date")?.Trim() ?? "",
                Submitter = Field("submitter_name")?.Trim() ?? "",
                Verifier = string.IsNullOrWhiteSpace(Field("verifier_name")) ? null : Field("verifier_name")!.Trim(),
                UpdateDate = string.IsNullOrWhiteSpace(Field("update_date")) ? null : Field("update_date")!.Trim(),
            });
        }

        private string? Field(string name) => _fields[Array.IndexOf(FieldNames, name)];

        private static int FieldIndex(ref Utf8JsonReader reader)
        {
            for (int i = 0; i < FieldNamesUtf8.Length; i++)
            {
                if (reader.ValueTextEquals(FieldNamesUtf8[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>CRLF and lone CR become LF; trailing blanks on each line and trailing blank lines go.</summary>
    internal static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        string[] lines = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        int end = lines.Length;
        while (end > 0 && string.IsNullOrWhiteSpace(lines[end - 1]))
        {
            end--;
        }

        int start = 0;
        while (start < end && string.IsNullOrWhiteSpace(lines[start]))
        {
            start++;
        }

        StringBuilder text = new(value.Length);
        for (int i = start; i < end; i++)
        {
            if (i > start)
            {
                text.Append('\n');
            }

            text.Append(lines[i].AsSpan().TrimEnd());
        }

        return text.ToString();
    }
}
