using Reqnroll;

namespace AgentCompliance.Steps.Design;

/// <summary>
/// Inventory controls: the system model is the inventory of the agent system, so every agent must appear with what it
/// can do and who it is, and no identity may linger after the agent or person using it is gone.
/// </summary>
[Binding]
public sealed class InventoryDesignSteps(SystemModelContext context, IReqnrollOutputHelper output)
{
    /// <summary>Every agent lists the tools it may call and authenticates as at least one identity in the model.</summary>
    /// <example>Then every agent is inventoried with its tools and its identity</example>
    [Then("every agent is inventoried with its tools and its identity")]
    public void ThenEveryAgentIsInventoried()
    {
        var model = context.Model;
        var violations = new List<string>();
        foreach (var agent in model.Agents)
        {
            var identities = model.Identities.Where(i => i.UsedBy.Contains(agent.Id, StringComparer.Ordinal)).Select(i => i.Id).ToList();
            var missing = new List<string>();
            if (agent.Tools.Count == 0)
            {
                missing.Add("no declared tools");
            }

            if (identities.Count == 0)
            {
                missing.Add("no identity");
            }

            if (missing.Count > 0)
            {
                violations.Add($"{context.Describe(agent.Id)} has {string.Join(" and ", missing)}");
            }
            else
            {
                output.WriteLine($"{agent.Id}: tools {string.Join(", ", agent.Tools)}; identities {string.Join(", ", identities)}");
            }
        }

        ControlFailedException.ThrowIfAny(violations, "agents missing from the inventory's tools or identities");
    }

    /// <summary>
    /// Every identity is used by an agent or a person, or presented on a flow; one used by nobody is a credential left
    /// behind after offboarding.
    /// </summary>
    /// <example>Then no identity in the model is left without a user</example>
    [Then("no identity in the model is left without a user")]
    public void ThenNoIdentityIsOrphaned()
    {
        var model = context.Model;
        var principals = model.Agents.Select(a => a.Id).Concat(model.Humans.Select(h => h.Id)).ToHashSet(StringComparer.Ordinal);
        var violations = new List<string>();
        foreach (var identity in model.Identities)
        {
            var users = identity.UsedBy.Where(principals.Contains).ToList();
            var flows = model.Flows.Where(f => f.Identity == identity.Id).Select(f => f.Id).ToList();
            if (users.Count == 0 && flows.Count == 0)
            {
                violations.Add($"{context.Describe(identity.Id)} is used by no agent or person and presented on no flow: offboard it");
            }
            else
            {
                output.WriteLine($"{identity.Id}: used by {string.Join(", ", users.Concat(flows))}");
            }
        }

        ControlFailedException.ThrowIfAny(violations, "identities left without a user");
    }
}
