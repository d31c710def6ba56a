using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Results;
using AgentCompliance.Probes.Spiffe;
using Reqnroll;

namespace AgentCompliance.Steps.Live;

/// <summary>
/// JWT-SVID controls: each agent's JWT-SVID (read from <c>agents[].svid.jwt</c>, a secret registered for redaction)
/// is signed by a key of the trust domain's bundle, names the agent's SPIFFE ID as subject, is bound to an audience
/// and expires soon. Decoded header and claims are recorded as <c>claims</c> evidence; the token never is.
/// </summary>
[Binding]
public sealed class JwtSvidSteps(WorkloadIdentityContext spiffe)
{
    /// <summary>
    /// Every agent's JWT-SVID verifies with the trust bundle's JWT keys (RS/ES/PS algorithms only), has the agent's
    /// <c>spiffeId</c> as <c>sub</c>, includes the agent's <c>audience</c> from the profile in <c>aud</c>, and has an
    /// <c>exp</c> in the future at most this many seconds after it was issued.
    /// </summary>
    /// <param name="maximumSeconds">Longest acceptable lifetime (exp − iat).</param>
    /// <example>Then every agent's JWT-SVID is signed by the trust domain, names the agent and is bound to its audience for at most 300 seconds</example>
    [Then("every agent's JWT-SVID is signed by the trust domain, names the agent and is bound to its audience for at most {int} seconds")]
    public Task ThenEveryAgentsJwtSvidIsBoundToItsAudience(int maximumSeconds) => CheckAllAsync(null, maximumSeconds);

    /// <summary>
    /// As the step above, with one audience for every agent instead of each agent's <c>audience</c> from the profile.
    /// </summary>
    /// <param name="audience">The audience every JWT-SVID must include.</param>
    /// <param name="maximumSeconds">Longest acceptable lifetime (exp − iat).</param>
    /// <example>Then every agent's JWT-SVID is signed by the trust domain, names the agent and is bound to audience "spiffe://example.org/gateway" for at most 300 seconds</example>
    [Then("every agent's JWT-SVID is signed by the trust domain, names the agent and is bound to audience {string} for at most {int} seconds")]
    public Task ThenEveryAgentsJwtSvidIsBoundToAudience(string audience, int maximumSeconds) => CheckAllAsync(audience, maximumSeconds);

    private async Task CheckAllAsync(string? audience, int maximumSeconds)
    {
        var bundle = await spiffe.BundleAsync().ConfigureAwait(false);
        var violations = new List<string>();
        foreach (var agent in spiffe.Agents)
        {
            violations.AddRange((await CheckAsync(agent, bundle, audience ?? agent.Audience, maximumSeconds).ConfigureAwait(false))
                .Select(problem => $"{WorkloadIdentityContext.Describe(agent)}: JWT-SVID: {problem}"));
        }

        ControlFailedException.ThrowIfAny(violations, "agents whose JWT-SVID does not hold");
    }

    private async Task<IReadOnlyList<string>> CheckAsync(AgentIdentity agent, SpiffeBundle bundle, string? audience, int maximumSeconds)
    {
        if (agent.Svid?.Jwt is not { } reference)
        {
            return ["the profile gives no JWT-SVID source for it (set agents[].svid.jwt)"];
        }

        if (agent.SpiffeId is null || SpiffeId.TryParse(agent.SpiffeId, out _) is not { } expected)
        {
            return ["the profile gives the agent no valid spiffeId to compare the subject with"];
        }

        if (audience is null)
        {
            return ["the profile gives the agent no audience to check aud against (set agents[].audience)"];
        }

        string token;
        try
        {
            token = spiffe.Deployment.ResolveSecret(reference);
        }
        catch (Core.Diagnostics.InvalidInputException e)
        {
            return [$"it cannot be read from {reference}: {string.Join("; ", e.Problems.Select(p => p.Message))}"];
        }

        var findings = await JwtSvidCheck.CheckAsync(token, bundle, expected, audience, TimeSpan.FromSeconds(maximumSeconds), DateTimeOffset.UtcNow).ConfigureAwait(false);
        spiffe.Deployment.Evidence.Add(new EvidenceItem("claims", $"JWT-SVID of agent '{agent.Name}' (from {reference})", spiffe.Deployment.Redactor.Redact(findings.DecodedClaims)));
        return findings.Problems;
    }
}
