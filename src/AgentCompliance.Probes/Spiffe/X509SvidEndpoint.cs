using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Spiffe;

/// <summary>
/// Reads the X.509-SVID an mTLS endpoint presents as its identity: a TLS handshake (presenting the harness's own
/// client certificate when the endpoint demands one) that keeps the server's certificate chain and sends no request.
/// SPIFFE authenticates by the SPIFFE ID, not by host name, so the server is accepted only if its certificate chains to
/// the trust bundle; a certificate that does not is still returned (the checks report why) but the handshake is
/// aborted and nothing is sent over it.
/// </summary>
public sealed class X509SvidEndpoint(TimeSpan timeout)
{
    /// <exception cref="ProbeFailedException">Not https, unreachable, too slow, or no certificate presented.</exception>
    public async Task<X509Svid> ReadAsync(Uri endpoint, IReadOnlyList<X509Certificate2> authorities, X509Certificate2? clientCertificate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(authorities);
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new ProbeFailedException($"{TransportRules.Endpoint(endpoint)} is not an https URL; an X.509-SVID is presented over TLS");
        }

        var name = $"{endpoint.IdnHost}:{endpoint.Port}";
        var host = endpoint.IdnHost.Trim('[', ']');
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        X509Svid? presented = null;
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(host, endpoint.Port, bound.Token).ConfigureAwait(false);
            await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            var options = new SslClientAuthenticationOptions
            {
                TargetHost = host,
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
                {
                    if (certificate is null)
                    {
                        return false;
                    }

                    var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    // The certificates the server sent besides its leaf are in the chain's extra store.
                    var intermediates = chain?.ChainPolicy.ExtraStore.Where(c => c.Thumbprint != leaf.Thumbprint)
                        .Select(c => X509CertificateLoader.LoadCertificate(c.RawData)).ToList() ?? [];
                    presented = new X509Svid(leaf, intermediates, $"the TLS handshake with {name}");
                    return X509SvidChainCheck.Check(presented, authorities, DateTimeOffset.UtcNow).Count == 0;
                },
            };
            try
            {
                await tls.AuthenticateAsClientAsync(options, bound.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AuthenticationException or IOException && presented is not null)
            {
                // Refused by us (untrusted, expired) or by the server after we saw its certificate: the SVID is known.
            }
            catch (Exception e) when (e is AuthenticationException or IOException)
            {
                throw new ProbeFailedException($"{name} presented no certificate: the TLS handshake failed ({e.Message.TrimEnd('.')}){(clientCertificate is null ? "; if it requires a client certificate, set spiffe.clientCertificate" : string.Empty)}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProbeFailedException($"{name} did not complete a TLS handshake within {timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException e)
        {
            throw new ProbeFailedException($"{name} could not be reached: {(e.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused (is the service running?)" : e.Message)}");
        }

        return presented ?? throw new ProbeFailedException($"{name} presented no certificate");
    }
}
