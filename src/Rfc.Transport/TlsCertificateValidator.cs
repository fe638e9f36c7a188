using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Rfc.Transport;

/// <summary>
/// Decides whether a server certificate is trusted: the system trust store, plus optionally the
/// certificates of one extra CA file (<c>RFC_CA_FILE</c>). Both transports use it (the socket client
/// through <see cref="TlsConnector"/>, HttpClient through <see cref="CreateSslOptions"/>), so they
/// trust exactly the same things. There is deliberately no way to turn validation off.
/// </summary>
/// <remarks>
/// The extra CA adds to the system store rather than replacing it: the platform's validation runs
/// first, and only when its sole complaint is the chain is the chain rebuilt with the extra
/// certificates as trust anchors. A name mismatch or a missing certificate is never forgiven.
/// </remarks>
internal sealed class TlsCertificateValidator
{
    /// <summary>id-kp-serverAuth (RFC 5280 §4.2.1.12): the leaf must be meant for TLS servers.</summary>
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    private readonly X509Certificate2Collection _extraTrust;

    /// <summary>Creates a validator that trusts the system store and <paramref name="extraTrust"/>.</summary>
    /// <param name="extraTrust">Extra trust anchors; empty for the system store alone.</param>
    public TlsCertificateValidator(X509Certificate2Collection extraTrust)
    {
        ArgumentNullException.ThrowIfNull(extraTrust);
        _extraTrust = extraTrust;
    }

    /// <summary>The trust anchors added to the system store (empty for the system store alone).</summary>
    public X509Certificate2Collection ExtraTrust => _extraTrust;

    /// <summary>A validator for the system store alone.</summary>
    public static TlsCertificateValidator SystemOnly { get; } = new([]);

    /// <summary>
    /// A validator trusting the system store plus the certificates in <paramref name="caFile"/>
    /// (PEM, possibly several, or one DER certificate); the system store alone when it is null.
    /// </summary>
    /// <exception cref="TransportConfigurationException"><see cref="TransportSetting.CaFile"/>: the file cannot be read or holds no certificate.</exception>
    public static TlsCertificateValidator Create(string? caFile) =>
        caFile is null ? SystemOnly : new(LoadCaFile(caFile));

    /// <summary>Reads the certificates of a PEM or DER file.</summary>
    /// <exception cref="TransportConfigurationException"><see cref="TransportSetting.CaFile"/>: the file cannot be read or holds no certificate.</exception>
    public static X509Certificate2Collection LoadCaFile(string caFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(caFile);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(caFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Our own words from the exception's type: a BCL message may be a resource key under NativeAOT.
            string why = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied, or it is a directory",
                _ => "read error",
            };
            throw new TransportConfigurationException(TransportSetting.CaFile, $"cannot read CA file '{caFile}': {why}", e);
        }

        try
        {
            var certificates = new X509Certificate2Collection();
            if (content.AsSpan().IndexOf("-----BEGIN"u8) >= 0)
            {
                certificates.ImportFromPem(System.Text.Encoding.ASCII.GetString(content));
            }
            else
            {
                certificates.Add(X509CertificateLoader.LoadCertificate(content));
            }

            if (certificates.Count > 0)
            {
                return certificates;
            }
        }
        catch (CryptographicException e)
        {
            throw NotACertificate(caFile, e);
        }

        throw NotACertificate(caFile, null);
    }

    private static TransportConfigurationException NotACertificate(string caFile, Exception? inner) =>
        new(TransportSetting.CaFile, $"cannot load CA file '{caFile}': not a PEM or DER certificate", inner);

    /// <summary>
    /// Client options for <paramref name="host"/>: SNI (none for IP literals, RFC 6066 §3), ALPN
    /// <c>http/1.1</c>, the platform's protocol versions, and this validator. HttpClient's transport
    /// sets the same validator with <c>SslOptions = validator.CreateSslOptions(null)</c>
    /// (the handler fills in the target host itself).
    /// </summary>
    /// <param name="host">The server's name or IP literal (brackets allowed), or null to leave it to the caller.</param>
    public SslClientAuthenticationOptions CreateSslOptions(string? host) => new()
    {
        // .NET sends no SNI when TargetHost is an IP literal, and still checks it against the
        // certificate's IP address SANs.
        TargetHost = host is null ? null : HostText.StripBrackets(host),
        ApplicationProtocols = [SslApplicationProtocol.Http11],
        RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => Check((sender as SslStream)?.TargetHostName, certificate, chain, errors) is null,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
    };

    /// <summary>
    /// Why the server certificate of the handshake <paramref name="sender"/> is rejected
    /// (<c>certificate not trusted (UntrustedRoot)</c>), or null when it is trusted. The answer belongs to
    /// that one handshake: the validator keeps no state, so concurrent connections never see each other's reason.
    /// </summary>
    /// <param name="sender">The <see cref="SslStream"/> doing the handshake (its target host is checked).</param>
    /// <param name="certificate">The server's certificate, as the validation callback receives it.</param>
    /// <param name="chain">The chain the platform built.</param>
    /// <param name="errors">The platform's verdict.</param>
    public string? Rejection(object? sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        Check((sender as SslStream)?.TargetHostName, certificate, chain, errors);

    private string? Check(string? host, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return null;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) || certificate is null)
        {
            return "the server sent no certificate";
        }

        var reasons = new List<string>(2);
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            string wanted = string.IsNullOrEmpty(host) ? "" : $", not '{host}'";
            reasons.Add($"certificate name mismatch (certificate is for {SubjectNames(certificate)}{wanted})");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            string? chainProblem;
            if (_extraTrust.Count > 0)
            {
                using X509Chain rebuilt = RebuildWithExtraTrust(certificate, chain);
                chainProblem = ChainProblem(rebuilt);
            }
            else
            {
                chainProblem = ChainProblem(chain);
            }

            if (chainProblem is not null)
            {
                reasons.Add(chainProblem);
            }
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    /// <summary>
    /// The chain again, with the extra CA certificates as trust anchors. The system store has already
    /// said no; the answer is now whether the extra CA vouches for the server.
    /// </summary>
    private X509Chain RebuildWithExtraTrust(X509Certificate certificate, X509Chain? original)
    {
        var chain = new X509Chain();
        X509ChainPolicy policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(_extraTrust);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true; // no surprise network traffic from AIA fetching
        policy.ApplicationPolicy.Add(new Oid(ServerAuthenticationOid));
        if (original is not null)
        {
            // The intermediates the server sent.
            policy.ExtraStore.AddRange(original.ChainPolicy.ExtraStore);
            foreach (X509ChainElement element in original.ChainElements)
            {
                policy.ExtraStore.Add(element.Certificate);
            }
        }

        if (certificate is X509Certificate2 leaf)
        {
            chain.Build(leaf);
        }
        else
        {
            using X509Certificate2 copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            chain.Build(copy);
        }

        return chain;
    }

    private static string? ChainProblem(X509Chain? chain)
    {
        if (chain is null)
        {
            return "certificate not trusted (no chain)";
        }

        X509ChainStatusFlags flags = X509ChainStatusFlags.NoError;
        foreach (X509ChainStatus status in chain.ChainStatus)
        {
            flags |= status.Status;
        }

        foreach (X509ChainElement element in chain.ChainElements)
        {
            foreach (X509ChainStatus status in element.ChainElementStatus)
            {
                flags |= status.Status;
            }
        }

        // The most telling reason first: an expired certificate is usually also "untrusted".
        return flags switch
        {
            X509ChainStatusFlags.NoError => null,
            _ when flags.HasFlag(X509ChainStatusFlags.NotTimeValid) => $"certificate expired or not yet valid ({flags})",
            _ when flags.HasFlag(X509ChainStatusFlags.Revoked) => $"certificate revoked ({flags})",
            _ when flags.HasFlag(X509ChainStatusFlags.NotValidForUsage) => $"certificate not valid for TLS servers ({flags})",
            _ => $"certificate not trusted ({flags})",
        };
    }

    /// <summary>The names a certificate is for: its DNS and IP SANs, or its subject when it has none.</summary>
    private static string SubjectNames(X509Certificate certificate)
    {
        using X509Certificate2 certificate2 = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var names = new List<string>();
        foreach (X509Extension extension in certificate2.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                names.AddRange(san.EnumerateDnsNames());
                names.AddRange(san.EnumerateIPAddresses().Select(a => a.ToString()));
            }
        }

        return names.Count > 0 ? string.Join(", ", names) : certificate2.Subject;
    }
}
