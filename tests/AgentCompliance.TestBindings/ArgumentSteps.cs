using Reqnroll;

namespace AgentCompliance.TestBindings;

/// <summary>DataTable and DocString arguments; echoes what arrived to the output helper so tests can see it.</summary>
[Binding]
public sealed class ArgumentSteps(SharedNotes notes, IReqnrollOutputHelper output)
{
    [Given("these agents:")]
    public void GivenTheseAgents(DataTable table)
    {
        foreach (var row in table.Rows)
        {
            notes.Agents.Add((row["agent"], row["scope"]));
        }

        output.WriteLine($"agents: {string.Join("; ", notes.Agents.Select(agent => $"{agent.Agent}={agent.Scope}"))}");
    }

    [Then("agent {string} has scope {string}")]
    public void ThenAgentHasScope(string agent, string scope)
    {
        if (!notes.Agents.Contains((agent, scope)))
        {
            throw new InvalidOperationException($"agent {agent} with scope {scope} not in the table");
        }
    }

    [Given("this policy:")]
    public void GivenThisPolicy(string policy)
    {
        notes.Policy = policy;
        output.WriteLine($"policy: {policy}");
    }

    [Then("the policy mentions {string}")]
    public void ThenThePolicyMentions(string text)
    {
        if (notes.Policy is null || !notes.Policy.Contains(text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the policy does not mention '{text}'");
        }
    }
}
