using AgentCompliance.Core.Configuration;

namespace AgentCompliance.Probes.Mcp;

/// <summary>Where and how to reach one MCP server: its URL, transport, and the bearer token to send, if any.</summary>
/// <param name="Name">The server's name in the profile, for messages.</param>
/// <param name="Url">The streamable HTTP endpoint, or the SSE stream URL of the legacy transport.</param>
/// <param name="Transport">Which HTTP transport the server speaks.</param>
/// <param name="BearerToken">An access token sent as <c>Authorization: Bearer</c>; null sends none.</param>
/// <param name="SessionLifetime">How long a legacy SSE stream is kept open at most.</param>
public sealed record McpServerTarget(string Name, Uri Url, McpTransport Transport, string? BearerToken, TimeSpan SessionLifetime)
{
    /// <summary>How messages name the server: its profile name and endpoint.</summary>
    public string Describe() => $"MCP server '{Name}' ({Http.TransportRules.Endpoint(Url)})";

    /// <summary>Never prints the token.</summary>
    public override string ToString() => Describe();
}
