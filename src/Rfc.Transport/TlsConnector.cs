using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Rfc.Transport;

/// <summary>
/// The TLS client handshake over an open connection: SNI, ALPN <c>http/1.1</c>, and certificate
/// validation by <see cref="TlsCertificateValidator"/> (system store plus an optional CA file).
/// </summary>
internal static class TlsConnector
{
    /// <summary>
    /// Performs the TLS handshake with <paramref name="host"/> over <paramref name="inner"/>.
    /// </summary>
    /// <param name="inner">The connected stream (usually a <see cref="System.Net.Sockets.NetworkStream"/>); owned by the result.</param>
    /// <param name="host">The server's name, or an IP literal (brackets allowed): no SNI is sent for a literal (RFC 6066 §3) and it is checked against the certificate's IP address SANs.</param>
    /// <param name="caFile">A PEM or DER file of CA certificates trusted in addition to the system store, or null.</param>
    /// <param name="timeout">How long the handshake may take.</param>
    /// <param name="trace">Receives the protocol version, cipher suite, certificate and ALPN result, or null.</param>
    /// <param name="cancellationToken">The caller's token; cancelling it throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The authenticated stream; disposing it disposes <paramref name="inner"/>.</returns>
    /// <exception cref="FetchException">
    /// <see cref="FetchLayer.Tls"/>: the certificate was rejected (the message says why), the
    /// handshake failed, the CA file is unusable, or the timeout expired (<see cref="FetchException.IsTimeout"/>).
    /// </exception>
    public static Task<SslStream> AuthenticateAsync(
        Stream inner, string host, string? caFile, TimeSpan timeout, ITraceSink? trace, CancellationToken cancellationToken) =>
        AuthenticateAsync(inner, host, TlsCertificateValidator.Create(caFile), timeout, trace, cancellationToken);

    /// <summary>
    /// Performs the TLS handshake with <paramref name="host"/> over <paramref name="inner"/>, trusting
    /// what <paramref name="validator"/> trusts (load the CA file once and reuse it across connections).
    /// </summary>
    /// <inheritdoc cref="AuthenticateAsync(Stream, string, string?, TimeSpan, ITraceSink?, CancellationToken)"/>
    public static async Task<SslStream> AuthenticateAsync(
        Stream inner, string host, TlsCertificateValidator validator, TimeSpan timeout, ITraceSink? trace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentNullException.ThrowIfNull(validator);
        cancellationToken.ThrowIfCancellationRequested();

        // The reason for a rejection is this handshake's own: SslStream only reports that the callback said no.
        string? rejection = null;
        SslClientAuthenticationOptions options = validator.CreateSslOptions(host);
        options.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
            (rejection = validator.Rejection(sender, certificate, chain, errors)) is null;

        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        using var handshakeTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handshakeTimeout.CancelAfter(timeout);
        try
        {
            await ssl.AuthenticateAsClientAsync(options, handshakeTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw HandshakeTimedOut(host, timeout, e);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or System.ComponentModel.Win32Exception)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            string reason = rejection ?? HandshakeProblem(e);
            throw HandshakeFailed(host, reason, e);
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (trace is not null)
        {
            Trace(ssl, trace);
        }

        return ssl;
    }

    /// <summary>The error for a handshake with <paramref name="host"/> that did not finish within <paramref name="timeout"/>; HttpClient's transport reports it too.</summary>
    public static FetchException HandshakeTimedOut(string host, TimeSpan timeout, Exception? inner = null) =>
        new(FetchLayer.Tls, $"TLS handshake with {HostText.Host(host)} timed out after {HostText.Seconds(timeout)}", new TimeoutException(null, inner))
        {
            IsTimeout = true,
        };

    /// <summary>
    /// Why a handshake failed when no certificate was rejected, from the exception's type alone (its
    /// message may be a resource key under NativeAOT). HttpClient's transport words its failures with it too.
    /// </summary>
    public static string HandshakeProblem(Exception? e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is System.Net.Sockets.SocketException s)
            {
                // The peer reset the connection mid-handshake: often a server that rejected our protocol versions.
                return $"connection lost during handshake ({SocketErrors.Name(s.SocketErrorCode)})";
            }
        }

        return e switch
        {
            IOException => "the server closed the connection during the handshake",
            _ => "protocol error (the server may not speak TLS on this port, or offers no protocol version or cipher suite rfc accepts)",
        };
    }

    /// <summary>
    /// The error for a refused or broken handshake with <paramref name="host"/>; HttpClient's transport
    /// reports its TLS failures with it too, so both transports word them alike.
    /// </summary>
    public static FetchException HandshakeFailed(string host, string reason, Exception inner) =>
        new(FetchLayer.Tls, $"TLS handshake with {HostText.Host(host)} failed: {reason}", inner);

    /// <summary>
    /// Traces the negotiated protocol, cipher suite, ALPN and the server's certificate. Also called by the
    /// HttpClient transport from its certificate callback, where the handshake has chosen all of them.
    /// </summary>
    public static void Trace(SslStream ssl, ITraceSink trace)
    {
        ArgumentNullException.ThrowIfNull(ssl);
        ArgumentNullException.ThrowIfNull(trace);
        string alpn = ssl.NegotiatedApplicationProtocol == default
            ? "none (server did not choose; assuming http/1.1)"
            : ssl.NegotiatedApplicationProtocol.ToString();
        trace.Trace(FetchLayer.Tls, $"{ProtocolName(ssl.SslProtocol)} with {ssl.NegotiatedCipherSuite}, ALPN {alpn}");
        if (ssl.RemoteCertificate is X509Certificate certificate)
        {
            TraceCertificate(certificate, trace);
        }
    }

    /// <summary>Traces the server certificate's subject, issuer and expiry.</summary>
    public static void TraceCertificate(X509Certificate certificate, ITraceSink trace)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(trace);
        using X509Certificate2 certificate2 = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        trace.Trace(
            FetchLayer.Tls,
            $"certificate {certificate2.Subject}, issued by {certificate2.Issuer}, valid until {certificate2.NotAfter.ToUniversalTime():yyyy-MM-dd}");
    }

    /// <summary>The protocol as OpenSSL names it: <c>TLSv1.3</c>.</summary>
    public static string ProtocolName(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLSv1.3",
        SslProtocols.Tls12 => "TLSv1.2",
        _ => protocol.ToString(),
    };
}
