namespace AgentCompliance.ReferencePlatform;

/// <summary>Where each component of a running platform answers.</summary>
/// <param name="Issuer">The token service's issuer identifier (with a trailing slash, as in its tokens).</param>
/// <param name="TokenEndpoint">OAuth token endpoint (client_credentials, token exchange, the portal's password grant).</param>
/// <param name="IntrospectionEndpoint">RFC 7662 introspection.</param>
/// <param name="RevocationEndpoint">RFC 7009 revocation; null when the configuration cannot revoke.</param>
/// <param name="JwksUri">The token service's public signing keys.</param>
/// <param name="Gateway">The agent gateway's base URL; tools are called at <c>tools/{tool}</c>.</param>
/// <param name="PolicyDecisionPoint">The decision point the gateway asks (Cerbos' check API).</param>
/// <param name="AuditEvents">The audit trail served as JSON lines.</param>
/// <param name="Mcp">The MCP tool server's streamable HTTP endpoint; also the resource indicator (and audience) of the agents' tokens.</param>
public sealed record PlatformEndpoints(
    Uri Issuer,
    Uri TokenEndpoint,
    Uri IntrospectionEndpoint,
    Uri? RevocationEndpoint,
    Uri JwksUri,
    Uri Gateway,
    Uri PolicyDecisionPoint,
    Uri AuditEvents,
    Uri Mcp);
