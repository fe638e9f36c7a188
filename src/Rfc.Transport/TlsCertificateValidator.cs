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
public sealed class TlsCertificateValidator
{
    /// <summary>id-kp-serverAuth (RFC 5280 §4.2.1.12): the leaf must be meant for TLS servers.</summary>
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    private readonly X509Certificate2Collection _extraTrust;
    private string? _lastRejection;

    /// <summary>Creates a validator that trusts the system store and <paramref name="extraTrust"/>.</summary>
    /// <param name="extraTrust">Extra trust anchors; empty for the system store alone.</param>
    public TlsCertificateValidator(X509Certificate2Collection extraTrust)
    {
        ArgumentNullException.ThrowIfNull(extraTrust);
        _extraTrust = extraTrust;
    }

    /// <summary>The trust anchors added to the system store (empty for the system store alone).</summary>
    public X509Certificate2Collection ExtraTrust => _extraTrust;

    /// <summary>A new validator for the system store alone (new each time: <see cref="LastRejection"/> is per validator).</summary>
    public static TlsCertificateValidator SystemOnly => new([]);

    /// <summary>
    /// Why the most recent certificate was rejected (<c>certificate not trusted (UntrustedRoot)</c>),
    /// or null if none was. A transport that uses one validator per connection reads it to name the
    /// reason, because <see cref="SslStream"/> only reports that the callback said no.
    /// </summary>
    public string? LastRejection => Volatile.Read(ref _lastRejection);

    /// <summary>
    /// A validator trusting the system store plus the certificates in <paramref name="caFile"/>
    /// (PEM, possibly several, or one DER certificate); the system store alone when it is null.
    /// </summary>
    /// <exception cref="FetchException"><see cref="FetchLayer.Tls"/>: the file cannot be read or holds no certificate.</exception>
    public static TlsCertificateValidator Create(string? caFile) =>
        caFile is null ? SystemOnly : new(LoadCaFile(caFile));

    /// <summary>Reads the certificates of a PEM or DER file.</summary>
    /// <exception cref="FetchException"><see cref="FetchLayer.Tls"/>: the file cannot be read or holds no certificate.</exception>
    public static X509Certificate2Collection LoadCaFile(string caFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(caFile);
        try
        {
            byte[] content = File.ReadAllBytes(caFile);
            var certificates = new X509Certificate2Collection();
            if (content.AsSpan().IndexOf("-----BEGIN"u8) >= 0)
            {
                certificates.ImportFromPem(System.Text.Encoding.ASCII.GetString(content));
            }
            else
            {
                certificates.Add(X509CertificateLoader.LoadCertificate(content));
            }

            if (certificates.Count == 0)
            {
                throw new CryptographicException("no certificate in the file");
            }

            return certificates;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new FetchException(FetchLayer.Tls, $"cannot load CA file '{caFile}': {e.Message.TrimEnd('.')}", e);
        }
    }

    /// <summary>
    /// The callback for <see cref="SslClientAuthenticationOptions.RemoteCertificateValidationCallback"/>
    /// (and so for HttpClient's <c>SocketsHttpHandler.SslOptions</c>).
    /// </summary>
    public RemoteCertificateValidationCallback Callback => Validate;

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
        RemoteCertificateValidationCallback = Callback,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
    };

    /// <summary>Validates a server certificate the way <see cref="Callback"/> does.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        string? rejection = Check((sender as SslStream)?.TargetHostName, certificate, chain, errors);
        Volatile.Write(ref _lastRejection, rejection);
        return rejection is null;
    }

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
