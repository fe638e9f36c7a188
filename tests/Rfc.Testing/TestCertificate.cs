using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rfc.Testing;

/// <summary>
/// A self-signed certificate for localhost, 127.0.0.1 and ::1, made once per test run and trusted only by
/// tests that pass its PEM file (<see cref="PemPath"/>) as the extra CA.
/// </summary>
public static class TestCertificate
{
    private static readonly Lazy<(X509Certificate2 Certificate, string PemPath)> s_instance = new(Create);

    /// <summary>The certificate with its private key, for servers.</summary>
    public static X509Certificate2 Certificate => s_instance.Value.Certificate;

    /// <summary>A PEM file holding the certificate (no key), for <c>--ca-file</c>.</summary>
    public static string PemPath => s_instance.Value.PemPath;

    private static (X509Certificate2, string) Create()
    {
        using RSA key = RSA.Create(2048);
        CertificateRequest request = new("CN=rfc test server", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        SubjectAlternativeNameBuilder names = new();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));

        // Round-trip through PKCS#12 so the key is usable by SslStream on every platform.
        X509Certificate2 certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        string pem = Path.Combine(Path.GetTempPath(), $"rfc-test-ca-{Environment.ProcessId}-{Guid.NewGuid():N}.pem");
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        return (certificate, pem);
    }
}
