using System.Security.Cryptography.X509Certificates;

namespace Rfc.Testing;

/// <summary>
/// One test CA and one localhost server certificate it signed (SANs localhost, 127.0.0.1, ::1), made once per
/// test run; clients trust them only through <see cref="CaFile"/> (<c>--ca-file</c>).
/// </summary>
public static class TestCertificate
{
    private static readonly Lazy<(TestCertificates Authority, X509Certificate2 Server, string CaFile)> s_instance = new(() =>
    {
        TestCertificates authority = TestCertificates.CreateAuthority();
        return (authority, authority.CreateServerCertificate(), authority.WriteCaFile());
    });

    /// <summary>The server certificate with its private key, for Kestrel and other test servers.</summary>
    public static X509Certificate2 Server => s_instance.Value.Server;

    /// <summary>A PEM file holding the CA certificate, for <c>--ca-file</c>.</summary>
    public static string CaFile => s_instance.Value.CaFile;
}
