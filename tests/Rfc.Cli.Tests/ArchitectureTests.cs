namespace Rfc.Cli.Tests;

/// <summary>The façade is the only door: the compiled CLI references no assembly below it that it must not see.</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void Cli_DoesNotReferenceTheStore()
    {
        // The compiler records an assembly reference only for an assembly whose types the code uses, so this fails
        // the moment any CLI file names a type of Rfc.Storage.
        string[] references = [.. typeof(RfcApp).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "")];

        Assert.Contains("Rfc.Library", references);
        Assert.DoesNotContain("Rfc.Storage", references);
        Assert.DoesNotContain("Microsoft.Data.Sqlite", references);
    }

    [Fact]
    public void Cli_CarriesNoServer()
    {
        // rfc serve execs the separate rfc-serve program: ASP.NET Core in rfc would slow every command's start-up (issue 14).
        string[] references = [.. typeof(RfcApp).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "")];

        Assert.DoesNotContain("rfc-serve", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
