using BenchmarkDotNet.Running;

namespace Rfc.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/Rfc.Benchmarks -- --filter '*' [--job short]</c>
/// for the parser micro-benchmarks, <c>-- fetch URLS_FILE JOBS socket|http</c> for the transport alone, or
/// <c>-- parse-scaling START STEPS</c> for how the document parsers scale on hostile inputs.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length == 4 && args[0] == "fetch")
        {
            return await FetchAll.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
        }

        if (args.Length == 3 && args[0] == "parse-scaling")
        {
            return ParseScaling.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
