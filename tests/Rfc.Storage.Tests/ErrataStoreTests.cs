using Microsoft.Data.Sqlite;
using Rfc.Documents;
using Rfc.Documents.Errata;

namespace Rfc.Storage.Tests;

public sealed class ErrataStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rfc-errata-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static ErrataRecord Erratum(string id, int rfc, string status = "Verified") => new()
    {
        Id = id,
        Rfc = new RfcNumber(rfc),
        StatusText = status,
        TypeText = "Technical",
        Section = "3.1",
        OriginalText = "   old\n   text",
        CorrectedText = "   new text",
        SubmitDate = "9999-04-13",
        Submitter = "Someone",
    };

    [Fact]
    public void ReplaceErrata_ReplacesEveryRecord_AndKeepsTheETagByteForByte()
    {
        using RfcStore store = RfcStore.Open(_directory);
        const string ETag = "W/\"5f2-abc \u00e9\"";

        store.ReplaceErrata([Erratum("1", 9110), Erratum("2", 9110, "Rejected"), Erratum("3", 2119)], new ErrataSyncState("http://x/errata.json", "\"old\"", DateTimeOffset.UtcNow, 3));
        store.ReplaceErrata([Erratum("2", 9110, "Rejected"), Erratum("4", 9110)], new ErrataSyncState("http://x/errata.json", ETag, DateTimeOffset.UtcNow, 2));

        Assert.True(store.HasErrata());
        Assert.Equal(2, store.CountErrata());
        Assert.Equal(["2", "4"], store.GetErrata(new RfcNumber(9110)).Select(r => r.Id).Order());
        Assert.Empty(store.GetErrata(new RfcNumber(2119)));
        Assert.Equal(Erratum("4", 9110), store.GetErrata(new RfcNumber(9110)).Single(r => r.Id == "4"));
        Assert.Equal(ETag, store.GetErrataSyncState("http://x/errata.json")!.ETag);
        Assert.Equal([("Rejected", "Technical"), ("Verified", "Technical")], store.GetErrataKinds(new RfcNumber(9110)).Order());
    }

    [Fact]
    public void ReopenedStore_ReadsErrataOnItsPlainHandle_AsTheFullConnectionDid()
    {
        ErrataRecord full = Erratum("5", 9110) with { Notes = "a note", Verifier = "An Editor", UpdateDate = "2024-01-02" };
        using (RfcStore store = RfcStore.Open(_directory))
        {
            store.ReplaceErrata([Erratum("1", 9110), Erratum("2", 9110, "Rejected"), full], new ErrataSyncState("http://x/errata.json", "\"v1\"", DateTimeOffset.UtcNow, 3));
        }

        using RfcStore reopened = RfcStore.Open(_directory);

        Assert.True(reopened.HasErrata());
        Assert.Equal(3, reopened.CountErrata());
        Assert.Equal([Erratum("1", 9110), Erratum("2", 9110, "Rejected"), full], reopened.GetErrata(new RfcNumber(9110)).OrderBy(r => r.Id));
        Assert.Equal([("Rejected", "Technical"), ("Verified", "Technical"), ("Verified", "Technical")], reopened.GetErrataKinds(new RfcNumber(9110)).Order());
        Assert.Equal(("\"v1\"", 3), (reopened.GetErrataSyncState("http://x/errata.json")!.ETag, reopened.GetErrataSyncState("http://x/errata.json")!.Records));
        Assert.False(reopened.HasConnection); // rfc info and rfc errata N open no Microsoft.Data.Sqlite connection.
    }

    [Fact]
    public void HasErrata_IsFalse_BeforeTheFirstSync()
    {
        using RfcStore store = RfcStore.Open(_directory);

        Assert.False(store.HasErrata());
        Assert.Null(store.GetErrataSyncState("http://x/errata.json"));
        Assert.Empty(store.GetErrata(new RfcNumber(9110)));
    }
}
