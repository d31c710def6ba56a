namespace AgentCompliance.TestServers.Gateway;

/// <summary>An agent's client at the gateway's issuer: its client id and its (test-generated) secret.</summary>
public sealed record GatewayAgent(string ClientId, string Secret);
