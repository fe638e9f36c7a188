using System.Buffers;
using System.Text;

namespace Rfc.Documents.Search;

/// <summary>
/// One title's lowercase tokens, split as <see cref="SearchText.Tokenize"/> splits them, held as ranges of a buffer
/// that is reused from title to title. Ranking and acronym mining read hundreds of titles per search; a string per
/// token was most of what a search allocated, and on a cold process every fresh page of heap is a page fault.
/// Not thread-safe: one instance per search.
/// </summary>
internal sealed class TitleTokens
{
    private char[] _lower = new char[128];
    private (int Start, int Length)[] _ranges = new (int, int)[16];

    /// <summary>The title last read, as given.</summary>
    public string Title { get; private set; } = "";

    /// <summary>How many tokens it has.</summary>
    public int Count { get; private set; }

    /// <summary>Token <paramref name="index"/>, lowercase; valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            (int start, int length) = _ranges[index];
            return _lower.AsSpan(start, length);
        }
    }

    /// <summary>Where token <paramref name="index"/> is in <see cref="Title"/>.</summary>
    public (int Start, int Length) RangeOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        return _ranges[index];
    }

    /// <summary>Splits <paramref name="title"/>, replacing what was read before; returns this instance.</summary>
    public TitleTokens Read(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
        Count = 0;
        if (_lower.Length < title.Length)
        {
            _lower = new char[Math.Max(title.Length, _lower.Length * 2)];
        }

        // Invariant lowercasing maps each UTF-16 unit to one unit, so every token keeps its place in the buffer;
        // titles are nearly all ASCII, which lowercases a vector at a time.
        Span<char> lower = _lower.AsSpan(0, title.Length);
        if (Ascii.ToLower(title, lower, out _) != OperationStatus.Done)
        {
            title.AsSpan().ToLowerInvariant(lower);
        }

        int i = 0;
        while (SearchText.NextToken(title, ref i, out int start))
        {
            if (Count == _ranges.Length)
            {
                Array.Resize(ref _ranges, Count * 2);
            }

            _ranges[Count++] = (start, i - start);
        }

        return this;
    }

    /// <summary>Token <paramref name="index"/> as a string of its own.</summary>
    public string ToString(int index) => new(this[index]);

    /// <summary>Tokens [<paramref name="start"/>, +<paramref name="length"/>) as strings of their own.</summary>
    public string[] Slice(int start, int length)
    {
        var tokens = new string[length];
        for (int i = 0; i < length; i++)
        {
            tokens[i] = ToString(start + i);
        }

        return tokens;
    }
}
