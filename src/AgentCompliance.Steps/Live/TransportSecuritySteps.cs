using System.Text;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Transport;
using Reqnroll;

namespace AgentCompliance.Steps.Live;

/// <summary>
/// Transport controls over every endpoint the profile names: https everywhere, a modern TLS version, and a
/// certificate that is valid, unexpired, issued for the host and chains to a trusted root (the system's or the
/// profile's <c>transport.trustedCaFile</c>). Each TLS handshake is recorded as <c>tls</c> evidence.
/// </summary>
[Binding]
public sealed class TransportSecuritySteps(DeploymentContext deployment)
{
    /// <summary>
    /// Every endpoint in the profile is an https URL; anything else fails, naming the key. Plain http to a loopback host
    /// fails too: <c>transport.allowInsecureLoopback</c> only lets the other probes reach a local test deployment, it
    /// does not make plain http a pass (waive the scenario for such a deployment instead).
    /// </summary>
    /// <example>Then every endpoint in the profile uses https</example>
    [Then("every endpoint in the profile uses https")]
    public void ThenEveryEndpointInTheProfileUsesHttps()
    {
        var profile = deployment.Profile;
        var endpoints = RequireEndpoints([.. ProfileEndpoints.Services(profile), .. ProfileEndpoints.SvidEndpoints(profile)]);
        var violations = new List<string>();
        var notes = new StringBuilder();
        foreach (var endpoint in endpoints)
        {
            var url = endpoint.Url;
            if (url.Scheme == Uri.UriSchemeHttps)
            {
                notes.AppendLine($"{endpoint.Key}: {TransportRules.Endpoint(url)} — https");
            }
            else
            {
                var why = url.Scheme != Uri.UriSchemeHttp ? $"uses the scheme '{url.Scheme}'"
                    : !TransportRules.IsLoopback(url) ? "is plain http to a non-loopback host, so credentials and tokens cross the network unencrypted"
                    : profile.Transport.AllowInsecureLoopback ? "is plain http (loopback; transport.allowInsecureLoopback lets the probes reach it, but it has no TLS)"
                    : "is plain http (loopback, and transport.allowInsecureLoopback is not set)";
                violations.Add($"{endpoint.Key} {TransportRules.Endpoint(url)} {why}");
            }
        }

        deployment.Note("Endpoint schemes", notes.ToString());
        ControlFailedException.ThrowIfAny(violations, "endpoints not reached over https");
    }

    /// <summary>
    /// Every https endpoint in the profile negotiates at least this TLS version (1.2 or 1.3) in a real handshake. A
    /// plain http endpoint has no TLS and fails; so does one that cannot be reached, since nothing was verified.
    /// </summary>
    /// <param name="version">The minimum version, <c>1.2</c> or <c>1.3</c>.</param>
    /// <example>Then every endpoint in the profile negotiates TLS 1.2 or newer</example>
    [Then(@"^every endpoint in the profile negotiates TLS (\d\.\d) or newer$")]
    public async Task ThenEveryEndpointInTheProfileNegotiatesTlsOrNewer(string version)
    {
        var minimum = TlsVersions.Parse(version);
        var violations = new List<string>();
        foreach (var (keys, url) in ByOrigin())
        {
            if (url.Scheme != Uri.UriSchemeHttps)
            {
                violations.Add($"{keys} {TransportRules.Endpoint(url)} is plain http: no TLS at all");
                continue;
            }

            try
            {
                var handshake = await deployment.Tls.HandshakeAsync(url).ConfigureAwait(false);
                if (TlsVersions.Rank(handshake.Protocol) < TlsVersions.Rank(minimum))
                {
                    violations.Add($"{keys} ({handshake.Endpoint}) negotiated {handshake.ProtocolName}, below {TlsVersions.Name(minimum)}");
                }
            }
            catch (ProbeFailedException e)
            {
                violations.Add($"{keys}: {e.Message}");
            }
        }

        ControlFailedException.ThrowIfAny(violations, $"endpoints not negotiating {TlsVersions.Name(minimum)} or newer");
    }

    /// <summary>
    /// Every https endpoint in the profile presents a certificate that is within its validity period, issued for the
    /// endpoint's host, and chains to a trusted root. Failures say why: expired, wrong host, untrusted issuer.
    /// </summary>
    /// <example>Then every endpoint in the profile presents a valid certificate for its host from a trusted CA</example>
    [Then("every endpoint in the profile presents a valid certificate for its host from a trusted CA")]
    public async Task ThenEveryEndpointInTheProfilePresentsAValidCertificate()
    {
        var violations = new List<string>();
        foreach (var (keys, url) in ByOrigin())
        {
            if (url.Scheme != Uri.UriSchemeHttps)
            {
                violations.Add($"{keys} {TransportRules.Endpoint(url)} is plain http: it presents no certificate");
                continue;
            }

            try
            {
                var handshake = await deployment.Tls.HandshakeAsync(url).ConfigureAwait(false);
                if (handshake.CertificateProblems.Count > 0)
                {
                    violations.Add($"{keys} ({handshake.Endpoint}): {string.Join("; ", handshake.CertificateProblems)}");
                }
            }
            catch (ProbeFailedException e)
            {
                violations.Add($"{keys}: {e.Message}");
            }
        }

        ControlFailedException.ThrowIfAny(violations, "endpoints without a valid, trusted certificate");
    }

    // One handshake per origin: an issuer and its token endpoint usually share one, and one answer covers both.
    private IEnumerable<(string Keys, Uri Url)> ByOrigin() =>
        RequireEndpoints(ProfileEndpoints.Services(deployment.Profile))
            .GroupBy(e => e.Url.GetLeftPart(UriPartial.Authority), StringComparer.OrdinalIgnoreCase)
            .Select(g => (string.Join(", ", g.Select(e => e.Key)), g.First().Url));

    private static IReadOnlyList<ProfileEndpoint> RequireEndpoints(IReadOnlyList<ProfileEndpoint> endpoints) =>
        endpoints.Count > 0
            ? endpoints
            : throw new ControlFailedException("the profile names no endpoints, so nothing was verified: add the deployment's endpoints under 'target'");
}
