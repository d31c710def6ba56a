using AgentCompliance.Probes.Tokens;
using Reqnroll;

namespace AgentCompliance.Steps.Live.Identity;

/// <summary>
/// Workload identity as the issuer actually assigns it: every agent in the profile obtains a token, and the subjects
/// those tokens carry must be distinct per agent and never a person's subject.
/// </summary>
[Binding]
public sealed class AgentIdentitySteps(AgentTokenContext tokens)
{
    /// <summary>
    /// Every agent obtains a token (unless it did earlier in the scenario) and no two agents' tokens carry the same
    /// subject (<c>sub</c>, or <c>client_id</c> for client tokens without one): no identity is shared between agents.
    /// </summary>
    /// <example>Then every agent in the profile receives tokens with a distinct subject</example>
    [Then("every agent in the profile receives tokens with a distinct subject")]
    public async Task ThenEveryAgentInTheProfileReceivesTokensWithADistinctSubject()
    {
        var subjects = await AgentSubjectsAsync().ConfigureAwait(false);
        Conclude(DistinctSubjectCheck.Check(subjects), "agents sharing an identity");
    }

    /// <summary>
    /// No agent's token carries the subject of a person listed under <c>humans</c> in the profile. A profile without
    /// people fails: there is nothing to compare against.
    /// </summary>
    /// <example>Then no agent receives tokens with a person's subject</example>
    [Then("no agent receives tokens with a person's subject")]
    public async Task ThenNoAgentReceivesTokensWithAPersonsSubject()
    {
        var humans = tokens.Deployment.Profile.Humans;
        if (humans.Count == 0)
        {
            throw new ControlFailedException("the profile names no people, so agent subjects cannot be compared with theirs: list them under 'humans:' with their subjects");
        }

        var subjects = await AgentSubjectsAsync().ConfigureAwait(false);
        Conclude(
            HumanSubjectCheck.Check(subjects, humans.ToDictionary(h => h.Name, h => h.Subject, StringComparer.Ordinal)),
            "agents using a person's identity");
    }

    private async Task<Dictionary<string, string?>> AgentSubjectsAsync()
    {
        var agents = tokens.Deployment.Profile.Agents;
        if (agents.Count == 0)
        {
            throw new ControlFailedException("the profile names no agents, so no agent identity can be checked: add them under 'agents:'");
        }

        var subjects = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            var token = tokens.Tokens.LastOrDefault(t => t.Agent.Name == agent.Name) ?? await tokens.ObtainAsync(agent).ConfigureAwait(false);
            subjects[agent.Name] = (await tokens.ClaimsAsync(token).ConfigureAwait(false)).EffectiveSubject;
        }

        return subjects;
    }

    private void Conclude(CheckOutcome outcome, string summary)
    {
        if (!outcome.Holds)
        {
            throw new ControlFailedException($"{summary}: {outcome.Message}");
        }

        tokens.Deployment.Note(summary.Replace("agents ", "no agents ", StringComparison.Ordinal), outcome.Message);
    }
}
