using System.Diagnostics;
using System.Globalization;
using System.Text;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>
/// A store rfc cannot write (issue 11 item 8), through the executable users run: a read-only mount still serves
/// every read and says it cannot write only for a write, and on a full disk reads still work and
/// <c>rfc cache clear</c> frees space. Each case runs in its own user and mount namespace (<c>unshare -rm</c>),
/// where a read-only bind mount or a small tmpfs is the real thing, for root and non-root alike.
/// </summary>
public sealed class ConstrainedStoreTests : IAsyncLifetime
{
    /// <summary>Four documents of about 300 KB each, so that what a clear frees is measurable on a 4 MiB disk.</summary>
    private static readonly IReadOnlyDictionary<int, byte[]> Documents = SyntheticIndex.Documents.Keys.ToDictionary(n => n, Document);

    // The script's helpers: rfc's path is the first argument; run NAME ARGS... records stdout, stderr and the exit code.
    /// <summary>An RFC the index lists and the server has, but that is never stored: reading it needs a write.</summary>
    private const int NotStored = 9110;

    private const string Prelude = """
        set -u
        RFC="$1"; shift
        run() { name="$1"; shift; "$RFC" "$@" > "$OUT/$name.out" 2> "$OUT/$name.err"; echo $? > "$OUT/$name.rc"; }

        """;

    private readonly TemporaryDirectory _home = new("rfc-home-");
    private readonly TemporaryDirectory _out = new("rfc-out-");
    private IndexServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await IndexServer.StartAsync(
            name => name == "rfc-index.xml" ? Encoding.UTF8.GetBytes(SyntheticIndex.Xml) : null,
            number => Documents.GetValueOrDefault(number) ?? (number == NotStored ? Document(number) : null));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _home.Dispose();
        _out.Dispose();
    }

    private static byte[] Document(int number)
    {
        StringBuilder text = new();
        text.Append(CultureInfo.InvariantCulture, $"Request for Comments: {number}\n\n1. Introduction\n\n");
        for (int line = 0; text.Length < 300_000; line++)
        {
            text.Append(CultureInfo.InvariantCulture, $"   Line {line} of RFC {number}: the coffee pot answers every request with a status.\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private Dictionary<string, string> Environment => new() { ["RFC_HOME"] = _home.Path, ["RFC_INDEX_URL"] = _server.IndexUrl(), ["RFC_SOURCE"] = _server.Source, ["OUT"] = _out.Path };

    private async Task FillStoreAsync(bool index)
    {
        Assert.Equal(0, (await RfcExecutable.RunAsync(["sync"], Environment, TestContext.Current.CancellationToken)).ExitCode);
        Assert.Equal(0, (await RfcExecutable.RunAsync(["2119", "8174", "2616", "2324"], Environment, TestContext.Current.CancellationToken)).ExitCode);
        if (index)
        {
            Assert.Equal(0, (await RfcExecutable.RunAsync(["index"], Environment, TestContext.Current.CancellationToken)).ExitCode);
        }
    }

    /// <summary>Runs <paramref name="script"/> in a new user and mount namespace; skips when this machine allows neither.</summary>
    private async Task RunInNamespaceAsync(string script, Dictionary<string, string> environment)
    {
        using (Process probe = Process.Start(new ProcessStartInfo("unshare", ["-rm", "true"]) { RedirectStandardError = true })!)
        {
            await probe.WaitForExitAsync(TestContext.Current.CancellationToken);
            if (probe.ExitCode != 0)
            {
                Assert.Skip("needs user and mount namespaces (unshare -rm) to mount a read-only or full file system");
            }
        }

        RfcExecutable.Result result = await RfcExecutable.RunWrappedAsync(["unshare", "-rm", "sh", "-c", Prelude + script, "sh"], [], environment, TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, $"setup script failed ({result.ExitCode}): {result.Stderr}");
    }

    private (int Code, byte[] Stdout, string Stderr) Outcome(string name) => (
        int.Parse(File.ReadAllText(Path.Combine(_out.Path, name + ".rc")).Trim(), CultureInfo.InvariantCulture),
        File.ReadAllBytes(Path.Combine(_out.Path, name + ".out")),
        File.ReadAllText(Path.Combine(_out.Path, name + ".err")));

    private long Number(string name) => long.Parse(File.ReadAllText(Path.Combine(_out.Path, name)).Trim(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task ReadOnlyStore_ServesEveryRead_AndRefusesOnlyWrites()
    {
        await FillStoreAsync(index: true);

        await RunInNamespaceAsync("""
            mount --bind "$RFC_HOME" "$RFC_HOME" && mount -o remount,bind,ro "$RFC_HOME" || exit 90
            touch "$RFC_HOME/probe" 2>/dev/null && exit 91
            run offline 2324 --offline
            run cached 2324
            run list list
            run info info 2324
            run search search coffee
            run fulltext search --full-text coffee
            run fetch 9110
            run sync sync --index-url "$RFC_INDEX_URL"
            exit 0
            """, Environment);

        foreach (string read in new[] { "offline", "cached" })
        {
            (int code, byte[] stdout, string stderr) = Outcome(read);
            Assert.True(code == 0, $"{read}: {stderr}");
            Assert.Equal(Documents[2324], stdout);
        }

        foreach ((string read, string expected) in new[] { ("list", "2324"), ("info", "2324"), ("search", "2324"), ("fulltext", "2324") })
        {
            (int code, byte[] stdout, string stderr) = Outcome(read);
            Assert.True(code == 0, $"{read}: {stderr}");
            Assert.Contains(expected, Encoding.UTF8.GetString(stdout), StringComparison.Ordinal);
        }

        foreach (string write in new[] { "fetch", "sync" })
        {
            (int code, byte[] stdout, string stderr) = Outcome(write);
            Assert.Equal(5, code);
            Assert.Empty(stdout);
            Assert.StartsWith($"rfc: error: cannot write the store at {_home.Path}", stderr, StringComparison.Ordinal);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FullDisk_StillReads_AndCacheClearFreesSpace(bool withFullTextIndex)
    {
        await FillStoreAsync(withFullTextIndex);
        using TemporaryDirectory disk = new("rfc-disk-");
        Dictionary<string, string> environment = new(Environment) { ["DISK"] = disk.Path, ["SRC"] = _home.Path, ["RFC_HOME"] = Path.Combine(disk.Path, "home") };

        await RunInNamespaceAsync("""
            mount -t tmpfs -o size=4m tmpfs "$DISK" || exit 90
            mkdir "$RFC_HOME" && cp -a "$SRC/." "$RFC_HOME/" || exit 91
            head -c 64m /dev/zero > "$DISK/filler" 2>/dev/null
            df --output=avail -B1 "$DISK" | tail -1 > "$OUT/before"
            run read 2324 --offline
            run clear cache clear
            df --output=avail -B1 "$DISK" | tail -1 > "$OUT/after"
            run gone 2324 --offline
            exit 0
            """, environment);

        Assert.Equal(0, Number("before"));
        (int readCode, byte[] readStdout, string readStderr) = Outcome("read");
        Assert.True(readCode == 0, readStderr);
        Assert.Equal(Documents[2324], readStdout);

        (int clearCode, byte[] clearStdout, string clearStderr) = Outcome("clear");
        Assert.True(clearCode == 0, clearStderr);
        Assert.StartsWith("removed 4 documents", Encoding.UTF8.GetString(clearStdout), StringComparison.Ordinal);
        // The four documents hold about 1.2 MB: the clear gives (most of) it back, not only the index's files.
        Assert.True(Number("after") > 1_000_000, $"only {Number("after")} bytes free after the clear");

        Assert.Equal(1, Outcome("gone").Code);
    }
}
