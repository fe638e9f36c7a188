namespace Rfc.Transport.Tests;

public sealed class TextWriterTraceSinkTests
{
    [Fact]
    public void Trace_WritesElapsedLayerAndMessage()
    {
        var clock = new ManualClock();
        using var writer = new StringWriter { NewLine = "\n" };
        var sink = new TextWriterTraceSink(writer, clock);
        clock.Advance(TimeSpan.FromMilliseconds(12.34));

        sink.Trace(FetchLayer.Tcp, "connected to [::1]:8443 in 1.2 ms (attempt 1 of 2)");
        sink.Trace(FetchLayer.NameResolution, "resolved localhost to ::1, 127.0.0.1 in 0.3 ms");

        Assert.Equal(
            "     12.3 ms  tcp   connected to [::1]:8443 in 1.2 ms (attempt 1 of 2)\n" +
            "     12.3 ms  dns   resolved localhost to ::1, 127.0.0.1 in 0.3 ms\n",
            writer.ToString());
    }

    [Fact]
    public async Task Trace_KeepsLinesWhole_WhenCalledConcurrently()
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var sink = new TextWriterTraceSink(writer);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(
            () =>
            {
                for (int i = 0; i < 200; i++)
                {
                    sink.Trace(FetchLayer.Tcp, $"attempt {t}-{i}");
                }
            },
            TestContext.Current.CancellationToken)));

        string[] lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1600, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^ +\d+\.\d ms  tcp   attempt \d-\d+$", l));
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
