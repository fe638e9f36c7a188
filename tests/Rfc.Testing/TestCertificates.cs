using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rfc.Testing;

/// <summary>
/// A throwaway certificate authority made at test time, and server certificates it signs. Nothing is
/// installed anywhere: clients trust the CA only through a CA file (<see cref="WriteCaFile"/>).
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private static readonly Oid s_serverAuthentication = new("1.3.6.1.5.5.7.3.1");

    private TestCertificates(X509Certificate2 authority) => Authority = authority;

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>Creates a new CA named <c>CN=rfc test CA</c>, valid from a month ago for a year (room for expired leaves).</summary>
    public static TestCertificates CreateAuthority()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=rfc test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using X509Certificate2 authority = request.CreateSelfSigned(now.AddDays(-30), now.AddYears(1));
        return new TestCertificates(Reload(authority));
    }

    /// <summary>
    /// A server certificate for <c>CN=localhost</c> with SANs localhost, 127.0.0.1 and ::1 (or
    /// <paramref name="dnsNames"/>), signed by <see cref="Authority"/>, with its private key.
    /// </summary>
    public X509Certificate2 CreateServerCertificate(
        IEnumerable<string>? dnsNames = null, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (string name in dnsNames ?? ["localhost"])
        {
            san.AddDnsName(name);
        }

        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([s_serverAuthentication], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Authority, true, false));

        DateTimeOffset now = DateTimeOffset.UtcNow;
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using X509Certificate2 signed = request.Create(
            Authority, notBefore ?? now.AddDays(-1), notAfter ?? now.AddDays(30), serial);
        using X509Certificate2 withKey = signed.CopyWithPrivateKey(key);
        return Reload(withKey);
    }

    /// <summary>Writes the CA certificate to a new temporary file, PEM or DER, and returns its path.</summary>
    public string WriteCaFile(bool pem = true)
    {
        string path = Path.Combine(Path.GetTempPath(), $"rfc-test-ca-{Guid.NewGuid():N}{(pem ? ".pem" : ".der")}");
        if (pem)
        {
            File.WriteAllText(path, Authority.ExportCertificatePem());
        }
        else
        {
            File.WriteAllBytes(path, Authority.Export(X509ContentType.Cert));
        }

        return path;
    }

    /// <inheritdoc/>
    public void Dispose() => Authority.Dispose();

    // A PKCS#12 round trip gives a certificate whose private key every platform's TLS stack accepts.
    private static X509Certificate2 Reload(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
}
