using AgentCompliance.Core.Configuration;

namespace AgentCompliance.Steps.Live.Identity;

/// <summary>A person's token exchanged (RFC 8693) by an agent in the running scenario.</summary>
/// <param name="Person">The person from the profile whose token the agent exchanged.</param>
/// <param name="SubjectToken">The person's token (registered for redaction).</param>
/// <param name="Delegated">The token the agent received to act for the person.</param>
public sealed record Delegation(HumanIdentity Person, string SubjectToken, AgentToken Delegated)
{
    public string Whose => $"the token agent '{Delegated.Agent.Name}' received for '{Person.Name}'";

    public string PersonsToken => $"the token of '{Person.Name}'";
}
