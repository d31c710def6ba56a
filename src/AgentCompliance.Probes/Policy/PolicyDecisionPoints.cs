using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Policy;

/// <summary>The adapter for the decision point a profile names.</summary>
public static class PolicyDecisionPoints
{
    /// <exception cref="ProbeFailedException">The profile names a kind no adapter speaks yet.</exception>
    public static IPolicyDecisionPoint For(PolicyDecisionPointEndpoint endpoint, ProbeHttpClient http)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Kind switch
        {
            PolicyDecisionPointKind.Cerbos => new CerbosPolicyDecisionPoint(http, endpoint.Url),
            _ => throw new ProbeFailedException(
                $"the policy decision point at {TransportRules.Endpoint(endpoint.Url)} is of kind '{endpoint.Kind.ToString().ToLowerInvariant()}', which the policy steps cannot ask yet (supported: cerbos), so its decisions cannot be verified"),
        };
    }
}
