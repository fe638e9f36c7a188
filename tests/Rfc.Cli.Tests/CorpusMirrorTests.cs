using Rfc.Storage;
using Rfc.Testing;

namespace Rfc.Cli.Tests;

/// <summary>
/// The whole shared corpus mirrored from Debian's nginx with an index listing exactly the served
/// documents: every stored text's SHA-256 matches the served file, and a second run only revalidates.
/// </summary>
public sealed class CorpusMirrorTests : IDisposable
{
    private readonly TemporaryDirectory _home = new("rfc-home-");
    private readonly TemporaryDirectory _index = new("rfc-index-");

    public void Dispose()
    {
        _home.Dispose();
        _index.Dispose();
    }

    [Theory]
    [InlineData("socket")]
    [InlineData("http")]
    public async Task Mirror_StoresWholeCorpusExactly_ThenRevalidatesForFree(string transport)
    {
        string folder = Path.Combine(CorpusLocator.Root ?? "", "rfc");
        if (!Directory.Exists(folder))
        {
            Assert.Skip($"the shared RFC corpus was not found (set {CorpusLocator.EnvironmentVariable} or place it at ../shared/corpus)");
        }

        if (NginxServer.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        int listed = CorpusIndex.WriteFiltered(CorpusLocator.IndexPath("rfc-index.txt")!, folder, Path.Combine(_index.Path, "rfc-index.txt"));
        await using NginxServer nginx = await NginxServer.StartAsync(folder, _index.Path, cancellationToken: TestContext.Current.CancellationToken);
        Dictionary<string, string> environment = _home.StoreEnvironment;
        environment["RFC_INDEX_URL"] = nginx.BaseUri + "index/rfc-index.txt";
        string[] args = ["mirror", "--transport", transport, "--source", nginx.BaseUri + "rfc/rfc{n}.txt"];

        CliResult first = await CliRunner.RunAsync(args, environment);
        CliResult again = await CliRunner.RunAsync([.. args, "--refresh"], environment);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.StartsWith($"rfc: mirror: {listed} documents: {listed} fetched, 0 unchanged, 0 failed, {listed} indexed; ", first.StderrLines[^1]);
        Assert.StartsWith($"rfc: mirror: {listed} documents: 0 fetched, {listed} unchanged, 0 failed, 0 indexed; 0.0 MiB", again.StderrLines[^1]);
        using RfcStore store = RfcStore.Open(_home.Path);
        IReadOnlyList<StoredDocumentInfo> stored = store.ListDocuments();
        Assert.Equal(listed, stored.Count);
        Assert.All(stored, info =>
        {
            byte[] served = File.ReadAllBytes(Path.Combine(folder, $"rfc{info.Number}.txt"));
            StoredDocument document = store.GetDocument(info.Number)!;
            Assert.Equal(RfcStore.Hash(served), document.Sha256);
            Assert.Equal(RfcStore.Hash(served), RfcStore.Hash(document.Content));
        });
    }
}
