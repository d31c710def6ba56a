using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.OAuth;

namespace AgentCompliance.Steps.Live.Identity;

/// <summary>An access token one agent obtained in the running scenario, with what is needed to inspect or revoke it.</summary>
/// <param name="Agent">The agent from the profile.</param>
/// <param name="Client">How the agent authenticated (secret already registered for redaction).</param>
/// <param name="Response">The token endpoint's answer; the token itself is registered for redaction.</param>
/// <param name="ReceivedAt">When the answer arrived, for tokens that state no issue time.</param>
public sealed record AgentToken(AgentIdentity Agent, ClientCredentials Client, TokenResponse Response, DateTimeOffset ReceivedAt)
{
    public string Value => Response.AccessToken;
}
