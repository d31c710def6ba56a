using AgentCompliance.Core.SystemModels;
using Reqnroll;

namespace AgentCompliance.Steps.Design;

/// <summary>
/// Identity controls on the system model: a distinct workload identity per agent, no identity shared between agents
/// or with people, and credentials short-lived enough that a leaked one expires before it is useful.
/// </summary>
[Binding]
public sealed class IdentityDesignSteps(SystemModelContext context, IReqnrollOutputHelper output)
{
    /// <summary>Every agent authenticates as a workload identity that no other agent or person uses.</summary>
    /// <example>Then every agent has a workload identity of its own</example>
    [Then("every agent has a workload identity of its own")]
    public void ThenEveryAgentHasAWorkloadIdentityOfItsOwn()
    {
        var model = context.Model;
        var violations = new List<string>();
        foreach (var agent in model.Agents)
        {
            var identities = model.Identities.Where(i => i.UsedBy.Contains(agent.Id, StringComparer.Ordinal)).ToList();
            if (identities.Count == 0)
            {
                violations.Add($"{context.Describe(agent.Id)} has no identity in the model");
            }
            else if (!identities.Any(i => i.Kind == IdentityKind.Workload && i.UsedBy.Count == 1))
            {
                violations.Add($"{context.Describe(agent.Id)} has no workload identity of its own (uses {string.Join(", ", identities.Select(i => $"{i.Id} [{Kind(i)}]"))})");
            }
            else
            {
                output.WriteLine($"{agent.Id}: {string.Join(", ", identities.Select(i => $"{i.Id} [{Kind(i)}]"))}");
            }
        }

        ControlFailedException.ThrowIfAny(violations, "agents without a distinct workload identity");
    }

    /// <summary>No identity (service account, key, client) is used by more than one agent.</summary>
    /// <example>Then no identity is shared between agents</example>
    [Then("no identity is shared between agents")]
    public void ThenNoIdentityIsSharedBetweenAgents()
    {
        var agentIds = context.Model.Agents.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var violations = context.Model.Identities
            .Select(i => (Identity: i, Agents: i.UsedBy.Where(agentIds.Contains).ToList()))
            .Where(x => x.Agents.Count > 1)
            .Select(x => $"{context.Describe(x.Identity.Id)} is used by {string.Join(" and ", x.Agents.Select(context.Describe))}")
            .ToList();
        ControlFailedException.ThrowIfAny(violations, "identities shared between agents");
    }

    /// <summary>No identity is used by both a person and an agent, so every audited action is attributable.</summary>
    /// <example>Then no identity is shared between a human and an agent</example>
    [Then("no identity is shared between a human and an agent")]
    public void ThenNoIdentityIsSharedBetweenAHumanAndAnAgent()
    {
        var agentIds = context.Model.Agents.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var humanIds = context.Model.Humans.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var violations = context.Model.Identities
            .Where(i => i.UsedBy.Any(agentIds.Contains) && i.UsedBy.Any(humanIds.Contains))
            .Select(i => $"{context.Describe(i.Id)} is used by {string.Join(" and ", i.UsedBy.Select(context.Describe))}")
            .ToList();
        ControlFailedException.ThrowIfAny(violations, "identities shared between people and agents");
    }

    /// <summary>
    /// Every credential an agent uses states a lifetime of at most the bound; a credential with no stated lifetime
    /// (a static API key, a password) fails, because it is long-lived until proven otherwise.
    /// </summary>
    /// <example>Then no agent credential lives longer than 900 seconds</example>
    [Then("no agent credential lives longer than {int} seconds")]
    public void ThenNoAgentCredentialLivesLongerThan(int maximumSeconds)
    {
        var agentIds = context.Model.Agents.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var violations = new List<string>();
        var agentIdentities = context.Model.Identities.Where(i => i.UsedBy.Any(agentIds.Contains)).ToList();
        if (agentIdentities.Count == 0)
        {
            throw new ControlFailedException("no identity in the model is used by an agent: model the agents' identities before credential lifetimes can be verified");
        }

        foreach (var identity in agentIdentities)
        {
            var lifetime = identity.CredentialLifetimeSeconds;
            if (lifetime is null)
            {
                violations.Add($"{context.Describe(identity.Id)} states no credential lifetime (credential type {Credential(identity)}): treat it as never expiring");
            }
            else if (lifetime > maximumSeconds)
            {
                violations.Add($"{context.Describe(identity.Id)} issues credentials valid for {lifetime} s, above {maximumSeconds} s");
            }
            else
            {
                output.WriteLine($"{identity.Id}: credentials valid for {lifetime} s");
            }
        }

        ControlFailedException.ThrowIfAny(violations, $"agent credentials living longer than {maximumSeconds} s");
    }

    private static string Kind(IdentityElement identity) => identity.Kind switch
    {
        IdentityKind.Workload => "workload",
        IdentityKind.ServiceAccount => "service-account",
        IdentityKind.Human => "human",
        IdentityKind.Shared => "shared",
        _ => identity.Kind.ToString(),
    };

    private static string Credential(IdentityElement identity) =>
        identity.CredentialType?.ToString() ?? "unknown";
}
