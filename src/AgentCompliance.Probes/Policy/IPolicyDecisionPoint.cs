namespace AgentCompliance.Probes.Policy;

/// <summary>
/// A policy decision point asked the question a gateway asks at request time: may this principal perform this action
/// on each of these resources, now, given these attributes?
/// </summary>
public interface IPolicyDecisionPoint
{
    /// <summary>One decision per resource, in the order given.</summary>
    /// <exception cref="Http.ProbeFailedException">The decision point could not be asked, refused the request, or answered something that is not a decision.</exception>
    Task<IReadOnlyList<PolicyDecision>> CheckAsync(PolicyPrincipal principal, string action, IReadOnlyList<PolicyResource> resources, CancellationToken cancellationToken = default);
}
