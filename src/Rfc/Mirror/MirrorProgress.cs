using Rfc.Documents;

namespace Rfc.Mirror;

/// <summary>A snapshot of a mirror run.</summary>
/// <param name="Total">Documents to consider.</param>
/// <param name="Done">Documents finished, whatever the outcome.</param>
/// <param name="Fetched">Documents downloaded and stored.</param>
/// <param name="Unchanged">Documents already stored: skipped, or revalidated with a 304.</param>
/// <param name="Failed">Documents that failed after every retry.</param>
/// <param name="Bytes">Body bytes downloaded.</param>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="LastFailure">The most recent failure, for display.</param>
/// <param name="IndexQueued">Documents given to the full-text indexer (fetched ones, and stored ones it did not cover yet).</param>
/// <param name="Indexed">Documents the full-text indexer has finished.</param>
public sealed record MirrorProgress(int Total, int Done, int Fetched, int Unchanged, int Failed, long Bytes, TimeSpan Elapsed, MirrorFailure? LastFailure, int IndexQueued = 0, int Indexed = 0);

/// <summary>A document that could not be mirrored.</summary>
/// <param name="Number">The RFC.</param>
/// <param name="Message">Why, in the words of the layer that failed.</param>
/// <param name="IsNetwork">True when the network (not the server's answer) was the cause.</param>
public sealed record MirrorFailure(RfcNumber Number, string Message, bool IsNetwork);

/// <summary>The end of a mirror run.</summary>
/// <param name="Progress">The final counts.</param>
/// <param name="Failures">Every document that failed, by number.</param>
public sealed record MirrorSummary(MirrorProgress Progress, IReadOnlyList<MirrorFailure> Failures);
