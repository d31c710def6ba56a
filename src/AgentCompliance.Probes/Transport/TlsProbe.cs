using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Core.Results;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Transport;

/// <summary>
/// Opens a TLS connection to an endpoint and reports what the handshake showed — version, cipher suite, the server's
/// certificate and whether it is accepted — without sending any request. The certificate is validated exactly as the
/// HTTP client validates it (<see cref="CertificateTrust"/>); a refused certificate aborts the handshake. Bounded by
/// the request timeout; each handshake is recorded as <c>tls</c> evidence.
/// </summary>
public sealed class TlsProbe(TimeSpan timeout, CertificateTrust trust, IEvidenceSink? evidence, Redactor redactor)
{
    /// <exception cref="ProbeFailedException">Not https, unreachable, too slow, or the handshake failed for a reason other than the certificate.</exception>
    public async Task<TlsHandshake> HandshakeAsync(Uri endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new ProbeFailedException($"{TransportRules.Endpoint(endpoint)} is not an https URL, so it has no TLS to check");
        }

        var name = $"{endpoint.IdnHost}:{endpoint.Port}";
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        var seen = new TlsHandshake { Endpoint = name };
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(endpoint.IdnHost.Trim('[', ']'), endpoint.Port, bound.Token).ConfigureAwait(false);
            await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            var options = new SslClientAuthenticationOptions
            {
                TargetHost = endpoint.IdnHost.Trim('[', ']'),
                RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                {
                    var presented = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    var problems = trust.Problems(presented, chain, errors, endpoint.IdnHost);
                    seen = seen with { Protocol = ((SslStream)sender).SslProtocol, Certificate = presented, CertificateProblems = problems };
                    return problems.Count == 0;
                },
            };
            try
            {
                await tls.AuthenticateAsClientAsync(options, bound.Token).ConfigureAwait(false);
                seen = seen with { Protocol = tls.SslProtocol, CipherSuite = tls.NegotiatedCipherSuite, Completed = true };
            }
            catch (AuthenticationException) when (seen.CertificateProblems.Count > 0)
            {
                // The certificate was refused: the handshake stops here and the result says why.
            }
            catch (AuthenticationException e)
            {
                throw Fail(seen, $"{name} did not complete a TLS handshake: {e.Message}");
            }
            catch (IOException e)
            {
                throw Fail(seen, $"{name} did not complete a TLS handshake: {e.Message}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(seen, $"{name} did not complete a TLS handshake within {timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException e)
        {
            throw Fail(seen, $"{name} could not be reached: {(e.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused (is the service running?)" : e.Message)}");
        }

        Record(seen, null);
        return seen;
    }

    private ProbeFailedException Fail(TlsHandshake seen, string reason)
    {
        var message = redactor.Redact(reason);
        Record(seen, message);
        return new ProbeFailedException(message);
    }

    private void Record(TlsHandshake handshake, string? failure)
    {
        if (evidence is null)
        {
            return;
        }

        var text = new StringBuilder();
        text.Append("Protocol: ").AppendLine(handshake.ProtocolName);
        text.Append("Cipher suite: ").AppendLine(handshake.CipherSuite?.ToString() ?? "(not negotiated)");
        if (handshake.Certificate is { } certificate)
        {
            text.AppendLine().AppendLine(CertificateFacts.Describe(certificate));
        }

        text.AppendLine();
        if (failure is not null)
        {
            text.Append("Handshake failed: ").Append(failure);
        }
        else if (handshake.CertificateProblems.Count > 0)
        {
            text.AppendLine("Certificate refused:");
            foreach (var problem in handshake.CertificateProblems)
            {
                text.Append("  - ").AppendLine(problem);
            }
        }
        else
        {
            text.Append("Certificate accepted; handshake completed.");
        }

        var outcome = failure is not null ? "handshake failed"
            : handshake.CertificateProblems.Count > 0 ? $"{handshake.ProtocolName}, certificate refused"
            : $"{handshake.ProtocolName}, certificate accepted";
        evidence.Add(new EvidenceItem("tls", redactor.Redact($"TLS {handshake.Endpoint} → {outcome}"), redactor.Redact(text.ToString())));
    }
}
