using Rfc.Documents;

namespace Rfc.Cli.Commands;

/// <summary>Which RFCs a mirror run covers.</summary>
internal static class MirrorList
{
    /// <summary>
    /// The RFC numbers from <paramref name="first"/> to <paramref name="last"/>. Until the index is in the
    /// store, a range must be given explicitly.
    /// </summary>
    public static Task<IReadOnlyList<RfcNumber>> ResolveAsync(RfcClient client, int first, int last, bool openEnded, CliContext context, CancellationToken cancellationToken)
    {
        _ = client;
        _ = context;
        _ = cancellationToken;
        if (openEnded)
        {
            throw new CliUsageException("rfc mirror needs --to until the index can be synced (give --from N --to M)");
        }

        return Task.FromResult<IReadOnlyList<RfcNumber>>([.. Enumerable.Range(first, last - first + 1).Select(n => new RfcNumber(n))]);
    }
}
