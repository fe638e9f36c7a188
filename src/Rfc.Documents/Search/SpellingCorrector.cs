namespace Rfc.Documents.Search;

/// <summary>
/// Corrects a misspelt word against the index's own vocabulary: the closest word by edit distance (a swap of two
/// neighbouring letters counts as one edit, as in <c>telent</c>), the most frequent on a tie. Words up to five letters
/// allow one edit, longer ones two; words shorter than five letters are left alone: they are mostly acronyms, and
/// every four-letter acronym is one edit from another (<c>pkce</c> is not a misspelt <c>pce</c>).
/// </summary>
internal static class SpellingCorrector
{
    /// <summary>The shortest word corrected (see the class comment).</summary>
    public const int MinLength = 5;

    /// <summary>Returns the correction of <paramref name="word"/>, or null when it is known, too short, or nothing is close enough.</summary>
    /// <param name="word">A lowercase word the index does not hold.</param>
    /// <param name="vocabulary">Lowercase words with how many entries hold them.</param>
    public static string? Correct(string word, IReadOnlyDictionary<string, int> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (word.Length < MinLength || !word.All(char.IsLetter) || vocabulary.ContainsKey(word))
        {
            return null;
        }

        int limit = word.Length <= 5 ? 1 : 2;
        string? best = null;
        int bestDistance = int.MaxValue, bestCount = 0;
        foreach ((string candidate, int count) in vocabulary)
        {
            if (Math.Abs(candidate.Length - word.Length) > limit || candidate == word)
            {
                continue;
            }

            int distance = Distance(word, candidate, limit);
            if (distance <= limit && (distance < bestDistance || (distance == bestDistance && count > bestCount)))
            {
                (best, bestDistance, bestCount) = (candidate, distance, count);
            }
        }

        return best;
    }

    /// <summary>The most edits any correction allows (<see cref="Correct"/>: two for words longer than five letters).</summary>
    public const int MaxEdits = 2;

    /// <summary>
    /// The set of characters in <paramref name="word"/> as bits (a to z, 0 to 9, any other character folded onto the
    /// bits above them), so the store can skip a word that cannot be a correction without reading it: each edit adds
    /// at most one character the other word lacks and removes at most one (a swap of neighbours changes neither), so
    /// words within <see cref="MaxEdits"/> edits differ by at most that many set bits each way. Folding only makes
    /// two words look closer, never farther, so no correction is skipped.
    /// </summary>
    public static long LetterMask(ReadOnlySpan<char> word)
    {
        long mask = 0;
        foreach (char c in word)
        {
            int bit = c switch
            {
                >= 'a' and <= 'z' => c - 'a',
                >= '0' and <= '9' => 26 + (c - '0'),
                _ => 36 + (c % 27),
            };
            mask |= 1L << bit;
        }

        return mask;
    }

    /// <summary>Optimal string alignment distance, giving up (returning limit + 1) once every path exceeds <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowBest = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowBest = Math.Min(rowBest, value);
            }

            if (rowBest > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
