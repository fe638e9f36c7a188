using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Rfc.Benchmarks;

/// <summary>Body bytes per second, from the <c>BodySize</c> parameter and the mean time of one operation.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "Throughput";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Body megabytes (10^6 bytes) parsed per second";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        object? size = benchmarkCase.Parameters["BodySize"];
        if (meanNanoseconds is not > 0 || size is not int bytes)
        {
            return "-";
        }

        double megabytesPerSecond = bytes / (meanNanoseconds.Value / 1e9) / 1e6;
        return megabytesPerSecond.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " MB/s";
    }
}
