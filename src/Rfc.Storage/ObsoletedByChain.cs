using Rfc.Documents;

namespace Rfc.Storage;

/// <summary>
/// Walks the obsoleted-by relation from one RFC to the current ends of its chain, for the store and for the cached
/// read's reader alike (each asks its own connection for one RFC's successors).
/// </summary>
internal static class ObsoletedByChain
{
    /// <summary>
    /// The ends of the chain from <paramref name="number"/>, in number order; empty when nothing obsoletes it, null
    /// when <paramref name="successors"/> returned null (it could not answer).
    /// </summary>
    public static IReadOnlyList<RfcNumber>? Ends(RfcNumber number, Func<int, List<int>?> successors)
    {
        SortedSet<int> ends = [];
        HashSet<int> seen = [number.Value];
        Queue<int> pending = new([number.Value]);
        while (pending.Count > 0)
        {
            int current = pending.Dequeue();
            if (successors(current) is not { } next)
            {
                return null;
            }

            if (next.Count == 0)
            {
                if (current != number.Value)
                {
                    ends.Add(current);
                }

                continue;
            }

            foreach (int successor in next.Where(seen.Add))
            {
                pending.Enqueue(successor);
            }
        }

        return [.. ends.Select(n => new RfcNumber(n))];
    }
}
