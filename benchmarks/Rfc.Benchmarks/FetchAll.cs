using System.Diagnostics;
using System.Globalization;
using Rfc.Http;
using Rfc.Http.Http11;

namespace Rfc.Benchmarks;

/// <summary>
/// The transport alone, no store: fetches every URL in a file with N concurrent workers over keep-alive
/// connections, reading each body to its end, and prints the wall time. The mirror benchmark runs it
/// beside <c>rfc mirror</c> to split the mirror's time into network and storage.
/// Usage: <c>Rfc.Benchmarks fetch URLS_FILE JOBS socket|http</c>.
/// </summary>
internal static class FetchAll
{
    public static async Task<int> RunAsync(string urlsFile, int jobs, string transportName)
    {
        Uri[] urls = [.. File.ReadLines(urlsFile).Where(line => line.Length > 0).Select(line => new Uri(line))];
        HttpTransportOptions options = new() { Environment = _ => null, MaxConnectionsPerServer = jobs };
        await using IHttpTransport transport = transportName == "socket" ? new SocketHttpTransport(options) : new HttpClientTransport(options);
        int next = -1;
        long bytes = 0;
        Stopwatch watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, jobs).Select(_ => Task.Run(async () =>
        {
            byte[] buffer = new byte[81920];
            for (int i = Interlocked.Increment(ref next); i < urls.Length; i = Interlocked.Increment(ref next))
            {
                await using FetchResponse response = await transport.SendAsync(new FetchRequest(urls[i]), CancellationToken.None);
                int read;
                while ((read = await response.Content.ReadAsync(buffer)) > 0)
                {
                    Interlocked.Add(ref bytes, read);
                }
            }
        })));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{urls.Length} documents, {bytes} bytes in {watch.Elapsed.TotalSeconds:0.000} s with {jobs} {transportName} workers"));
        return 0;
    }
}
