using Rfc.Documents.Errata;

namespace Rfc;

/// <summary>How many errata an RFC has in each status, and how many of the verified and reported ones are technical.</summary>
public sealed record ErrataCounts(int Verified, int Reported, int Held, int Rejected, int Other, int VerifiedTechnical, int ReportedTechnical)
{
    /// <summary>All errata, whatever their status.</summary>
    public int Total => Verified + Reported + Held + Rejected + Other;

    /// <summary>Counts <paramref name="kinds"/> (status and type as the errata file spells them).</summary>
    public static ErrataCounts Of(IEnumerable<(string Status, string Type)> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        int[] counts = new int[5];
        int verifiedTechnical = 0, reportedTechnical = 0;
        foreach ((string status, string type) in kinds)
        {
            ErrataStatus parsed = ErrataRecord.ParseStatus(status);
            counts[(int)parsed]++;
            bool technical = type.Trim().Equals("Technical", StringComparison.OrdinalIgnoreCase);
            verifiedTechnical += parsed == ErrataStatus.Verified && technical ? 1 : 0;
            reportedTechnical += parsed == ErrataStatus.Reported && technical ? 1 : 0;
        }

        return new ErrataCounts(counts[0], counts[1], counts[2], counts[3], counts[4], verifiedTechnical, reportedTechnical);
    }
}
