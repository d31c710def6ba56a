namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// No agent's token carries a person's subject (OWASP NHI10, human use of NHI): an identity shared by a person and an
/// agent makes audit trails unattributable and gives the agent the person's privileges.
/// </summary>
public static class HumanSubjectCheck
{
    /// <param name="agentSubjects">Each agent's name and its token's subject.</param>
    /// <param name="humanSubjects">Each person's name and subject from the profile.</param>
    public static CheckOutcome Check(IReadOnlyDictionary<string, string?> agentSubjects, IReadOnlyDictionary<string, string> humanSubjects)
    {
        ArgumentNullException.ThrowIfNull(agentSubjects);
        ArgumentNullException.ThrowIfNull(humanSubjects);
        var violations = (from agent in agentSubjects
                          from human in humanSubjects
                          where agent.Value is not null && string.Equals(agent.Value, human.Value, StringComparison.Ordinal)
                          select $"agent '{agent.Key}' receives tokens with the subject '{agent.Value}' of the person '{human.Key}'").ToList();
        return violations.Count > 0
            ? CheckOutcome.Fail(string.Join("; ", violations))
            : CheckOutcome.Pass($"no agent subject is one of the {humanSubjects.Count} person subject(s) in the profile");
    }
}
