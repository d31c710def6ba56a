using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Spiffe;
using AgentCompliance.Probes.Transport;
using Reqnroll;

namespace AgentCompliance.Steps.Live;

/// <summary>
/// SPIFFE workload identity controls over the profile's agents: each has a SPIFFE ID of its own in the profile's
/// trust domain, and the X.509-SVID it presents (read from a file or an mTLS endpoint) names exactly that ID, is a
/// short-lived signing leaf and chains to the trust domain's bundle. Each SVID's certificate facts are evidence.
/// </summary>
[Binding]
public sealed class WorkloadIdentitySteps(WorkloadIdentityContext spiffe)
{
    /// <summary>
    /// Every agent has a valid SPIFFE ID in the profile (<c>agents[].spiffeId</c>) that no other agent has, and no two
    /// agents present X.509-SVIDs naming the same SPIFFE ID — one identity per agent, so revoking or auditing one
    /// never touches another.
    /// </summary>
    /// <example>Then every agent has a SPIFFE ID of its own</example>
    [Then("every agent has a SPIFFE ID of its own")]
    public async Task ThenEveryAgentHasASpiffeIdOfItsOwn()
    {
        var violations = new List<string>();
        var declared = new List<(AgentIdentity Agent, string Id)>();
        foreach (var agent in spiffe.Agents)
        {
            if (agent.SpiffeId is null)
            {
                violations.Add($"agent '{agent.Name}' has no spiffeId in the profile");
            }
            else if (SpiffeId.TryParse(agent.SpiffeId, out var problem) is null)
            {
                violations.Add($"agent '{agent.Name}' has the spiffeId '{agent.SpiffeId}', which is not a valid SPIFFE ID: {problem}");
            }
            else
            {
                declared.Add((agent, agent.SpiffeId));
            }
        }

        violations.AddRange(Shared(declared, "are given the same SPIFFE ID", "in the profile"));

        // What the agents actually present: SVIDs that cannot be read are reported by the other SVID steps.
        var presented = new List<(AgentIdentity Agent, string Id)>();
        foreach (var agent in spiffe.Agents.Where(a => a.Svid?.File is not null || a.Svid?.Endpoint is not null))
        {
            if (await TryReadAsync(agent).ConfigureAwait(false) is { } svid && X509SvidIdentityCheck.Check(svid.Leaf).Id is { } id)
            {
                presented.Add((agent, id.ToString()));
            }
        }

        violations.AddRange(Shared(presented, "present X.509-SVIDs with the same SPIFFE ID", string.Empty));
        ControlFailedException.ThrowIfAny([.. violations.Distinct(StringComparer.Ordinal)], "agents without a SPIFFE ID of their own");
    }

    /// <summary>
    /// Every agent's X.509-SVID carries exactly one URI SAN, a valid SPIFFE ID with a path, and it is the agent's
    /// <c>spiffeId</c> from the profile (validators must reject SVIDs with more than one URI SAN).
    /// </summary>
    /// <example>Then every agent's X.509-SVID carries exactly one SPIFFE ID, the agent's own</example>
    [Then("every agent's X.509-SVID carries exactly one SPIFFE ID, the agent's own")]
    public Task ThenEveryAgentsX509SvidCarriesExactlyOneSpiffeIdTheAgentsOwn() =>
        ForEverySvidAsync("agents whose X.509-SVID does not carry exactly their SPIFFE ID", (agent, svid) =>
        {
            var (id, problems) = X509SvidIdentityCheck.Check(svid.Leaf);
            if (problems.Count > 0 || id is null)
            {
                return problems;
            }

            if (agent.SpiffeId is null)
            {
                return [$"it names {id}, but the profile gives the agent no spiffeId to compare with"];
            }

            return string.Equals(id.ToString(), agent.SpiffeId, StringComparison.Ordinal) ? [] : [$"it names {id}, not the agent's {agent.SpiffeId}"];
        });

    /// <summary>
    /// Every agent's SPIFFE ID — in the profile and in the X.509-SVID it presents — belongs to the profile's trust
    /// domain (<c>spiffe.trustDomain</c>), the only one whose bundle the deployment trusts.
    /// </summary>
    /// <example>Then every agent's SPIFFE ID belongs to the profile's trust domain</example>
    [Then("every agent's SPIFFE ID belongs to the profile's trust domain")]
    public async Task ThenEveryAgentsSpiffeIdBelongsToTheProfilesTrustDomain()
    {
        var trustDomain = spiffe.Settings.TrustDomain;
        var violations = new List<string>();
        foreach (var agent in spiffe.Agents)
        {
            var ids = new List<(string Where, string Id)>();
            if (agent.SpiffeId is not null)
            {
                ids.Add(("its profile spiffeId", agent.SpiffeId));
            }

            if (agent.Svid?.File is not null || agent.Svid?.Endpoint is not null)
            {
                try
                {
                    var svid = await spiffe.X509SvidAsync(agent).ConfigureAwait(false);
                    ids.AddRange(SubjectAlternativeNames.Of(svid.Leaf).Uris.Select(uri => ("its X.509-SVID", uri)));
                }
                catch (Exception e) when (e is ProbeFailedException or ControlFailedException or System.Security.Cryptography.CryptographicException)
                {
                    violations.Add($"{WorkloadIdentityContext.Describe(agent)}: its X.509-SVID cannot be read: {e.Message}");
                }
            }

            if (ids.Count == 0)
            {
                violations.Add($"{WorkloadIdentityContext.Describe(agent)} has neither a spiffeId nor an X.509-SVID to check");
            }

            foreach (var (where, text) in ids)
            {
                var id = SpiffeId.TryParse(text, out _);
                if (id is null || !string.Equals(id.TrustDomain, trustDomain, StringComparison.Ordinal))
                {
                    violations.Add($"agent '{agent.Name}': {where} '{text}' is {(id is null ? "not a valid SPIFFE ID" : $"in the trust domain '{id.TrustDomain}'")}, not in '{trustDomain}'");
                }
            }
        }

        ControlFailedException.ThrowIfAny([.. violations.Distinct(StringComparer.Ordinal)], $"SPIFFE IDs outside the trust domain '{trustDomain}'");
    }

    /// <summary>
    /// Every agent's X.509-SVID is valid for at most this many seconds (notAfter − notBefore), so a stolen key stops
    /// working soon and rotation is routine.
    /// </summary>
    /// <param name="maximumSeconds">Longest acceptable validity period.</param>
    /// <example>Then every agent's X.509-SVID is valid for at most 3600 seconds</example>
    [Then("every agent's X.509-SVID is valid for at most {int} seconds")]
    public Task ThenEveryAgentsX509SvidIsValidForAtMost(int maximumSeconds) =>
        ForEverySvidAsync($"agents with X.509-SVIDs valid for longer than {maximumSeconds} s",
            (_, svid) => X509SvidLifetimeCheck.Check(svid.Leaf, TimeSpan.FromSeconds(maximumSeconds)));

    /// <summary>
    /// Every agent's X.509-SVID chains to an X.509 authority of the profile's SPIFFE trust bundle (the bundle is the
    /// only trust anchor) and is within its validity period now.
    /// </summary>
    /// <example>Then every agent's X.509-SVID chains to the trust bundle and has not expired</example>
    [Then("every agent's X.509-SVID chains to the trust bundle and has not expired")]
    public async Task ThenEveryAgentsX509SvidChainsToTheTrustBundle()
    {
        var bundle = await spiffe.BundleAsync().ConfigureAwait(false);
        await ForEverySvidAsync("agents whose X.509-SVID is not valid under the trust bundle",
            (_, svid) => X509SvidChainCheck.Check(svid, bundle.X509Authorities, DateTimeOffset.UtcNow)).ConfigureAwait(false);
    }

    /// <summary>
    /// Every agent's X.509-SVID is a leaf for digital signatures: not a CA, with a critical key usage that has
    /// digitalSignature and neither keyCertSign nor cRLSign — else its holder could mint identities for others.
    /// </summary>
    /// <example>Then every agent's X.509-SVID is a leaf certificate for digital signatures</example>
    [Then("every agent's X.509-SVID is a leaf certificate for digital signatures")]
    public Task ThenEveryAgentsX509SvidIsALeafCertificateForDigitalSignatures() =>
        ForEverySvidAsync("agents whose X.509-SVID is not a signing leaf", (_, svid) => X509SvidLeafCheck.Check(svid.Leaf));

    private async Task ForEverySvidAsync(string summary, Func<AgentIdentity, X509Svid, IReadOnlyList<string>> check)
    {
        var violations = new List<string>();
        foreach (var agent in spiffe.Agents)
        {
            try
            {
                var svid = await spiffe.X509SvidAsync(agent).ConfigureAwait(false);
                violations.AddRange(check(agent, svid).Select(problem => $"{WorkloadIdentityContext.Describe(agent)}: X.509-SVID from {svid.Source}: {problem}"));
            }
            catch (Exception e) when (e is ProbeFailedException or ControlFailedException)
            {
                violations.Add($"{WorkloadIdentityContext.Describe(agent)}: its X.509-SVID cannot be checked: {e.Message}");
            }
        }

        ControlFailedException.ThrowIfAny(violations, summary);
    }

    private async Task<X509Svid?> TryReadAsync(AgentIdentity agent)
    {
        try
        {
            return await spiffe.X509SvidAsync(agent).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ProbeFailedException or ControlFailedException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Shared(List<(AgentIdentity Agent, string Id)> ids, string verb, string where) =>
        ids.GroupBy(x => x.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"agents {string.Join(" and ", g.Select(x => $"'{x.Agent.Name}'"))} {verb} '{g.Key}'{(where.Length > 0 ? $" {where}" : string.Empty)}");
}
