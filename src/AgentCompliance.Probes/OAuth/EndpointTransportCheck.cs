using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Tokens;

namespace AgentCompliance.Probes.OAuth;

/// <summary>
/// The endpoints that receive client secrets and tokens (token, introspection, revocation, JWKS) are served over
/// https; plain http only to a loopback host and only when the profile explicitly allows it for a local deployment.
/// </summary>
public static class EndpointTransportCheck
{
    /// <param name="endpoints">Each endpoint's name (e.g. "token endpoint") and URL.</param>
    /// <param name="allowInsecureLoopback">The profile's <c>transport.allowInsecureLoopback</c>.</param>
    public static CheckOutcome Check(IReadOnlyDictionary<string, Uri> endpoints, bool allowInsecureLoopback)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.Count == 0)
        {
            return CheckOutcome.Fail("no token endpoint is known: configure target.identityProvider or let the issuer publish its metadata");
        }

        var violations = endpoints
            .Select(e => (e.Key, Violation: TransportRules.Violation(e.Value, allowInsecureLoopback)))
            .Where(e => e.Violation is not null)
            .Select(e => $"{e.Key}: {e.Violation}")
            .ToList();
        if (violations.Count > 0)
        {
            return CheckOutcome.Fail(string.Join("; ", violations));
        }

        var loopback = endpoints.Where(e => e.Value.Scheme == Uri.UriSchemeHttp).Select(e => e.Key).ToList();
        var secure = endpoints.Where(e => e.Value.Scheme == Uri.UriSchemeHttps).Select(e => e.Key).ToList();
        var parts = new List<string>();
        if (secure.Count > 0)
        {
            parts.Add($"served over https: {string.Join(", ", secure)}");
        }

        if (loopback.Count > 0)
        {
            parts.Add($"plain http to a loopback host, allowed only because the profile sets transport.allowInsecureLoopback: {string.Join(", ", loopback)}");
        }

        return CheckOutcome.Pass(string.Join("; ", parts));
    }
}
