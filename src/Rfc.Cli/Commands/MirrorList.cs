using Rfc.Documents;

namespace Rfc.Cli.Commands;

/// <summary>Which RFCs a mirror run covers: the issued plain-text RFCs of the synced index, in a range.</summary>
internal static class MirrorList
{
    /// <summary>
    /// The mirrorable RFCs from <paramref name="first"/> to <paramref name="last"/>. With no index in the
    /// store yet, syncs it first (from <c>RFC_INDEX_URL</c> or the RFC Editor), saying so on stderr.
    /// </summary>
    public static async Task<IReadOnlyList<RfcNumber>> ResolveAsync(RfcClient client, int first, int last, CliContext context, CancellationToken cancellationToken)
    {
        Uri indexUrl = SyncCommand.ParseUrl(context.Env("RFC_INDEX_URL"));
        MirrorPlan plan = await client.PlanMirrorAsync(first, last, indexUrl, url => context.Stderr.WriteLine($"rfc: mirror: no index yet; syncing it from {url}"), cancellationToken).ConfigureAwait(false);
        if (plan.Synced is { } synced)
        {
            await context.Stderr.WriteLineAsync($"rfc: mirror: synced {synced.Total} index entries").ConfigureAwait(false);
        }

        return plan.Numbers;
    }
}
