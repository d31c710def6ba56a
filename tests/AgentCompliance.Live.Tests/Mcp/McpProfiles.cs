using AgentCompliance.TestServers.Mcp;

namespace AgentCompliance.Live.Tests.Mcp;

/// <summary>Target profiles for the MCP acceptance runs, written as a user would write them.</summary>
internal static class McpProfiles
{
    public const string SecretVariable = "AC_LIVE_MCP_AGENT_SECRET";

    /// <summary>The recording feature users run to pin reviewed inventories (shipped in samples/).</summary>
    public static string RecordPinsFeature => RepositoryLayout.PathOf("samples", "features", "record-mcp-tool-pins.feature");

    /// <summary>The hardened server probed as an agent with a token; its allow-list is the given tools.</summary>
    public static string Hardened(HardenedMcpServer server, bool sse, IEnumerable<string> expectedTools) => $$"""
        version: 1
        name: mcp-hardened
        target:
          identityProvider:
            issuer: {{server.Issuer.Issuer}}
            tokenEndpoint: {{server.Issuer.TokenEndpoint}}
          mcpServers:
            - name: tickets
              url: {{(sse ? server.SseUrl : server.Url)}}
              transport: {{(sse ? "sse" : "streamable-http")}}
              agent: support-agent
              expectedTools: [{{string.Join(", ", expectedTools)}}]
              toolPinFile: pins/tickets.json
        agents:
          - name: support-agent
            clientId: {{server.Issuer.ClientId}}
            credentials: {env: {{SecretVariable}}}
            authMethod: client_secret_basic
            allowedScopes: [{{server.Issuer.Scope}}]
            resource: {{server.Url}}
        transport:
          allowInsecureLoopback: true
        """;

    /// <summary>The reference server, reachable without a token; the allow-list names two of its tools only.</summary>
    public static string Reference(ReferenceMcpServer server, bool sse) => $$"""
        version: 1
        name: mcp-reference
        target:
          mcpServers:
            - name: everything
              url: {{server.Url}}
              transport: {{(sse ? "sse" : "streamable-http")}}
              expectedTools: [echo, get-sum]
              toolPinFile: pins/everything.json
        transport:
          allowInsecureLoopback: true
        """;
}
