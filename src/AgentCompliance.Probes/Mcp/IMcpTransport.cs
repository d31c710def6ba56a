using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// Carries JSON-RPC messages to one MCP server and back over one of the HTTP transports. Every exchange goes through
/// <see cref="Http.ProbeHttpClient"/>, so it is bounded and recorded as evidence.
/// </summary>
public interface IMcpTransport : IAsyncDisposable
{
    /// <summary>The session id the server assigned, once it did.</summary>
    string? SessionId { get; }

    /// <summary>Sends a request and returns the server's response message with the same id.</summary>
    /// <exception cref="Http.ProbeFailedException">The server refused, broke off, or never answered the request.</exception>
    Task<JsonElement> RequestAsync(JsonObject message, CancellationToken cancellationToken);

    /// <summary>Sends a notification (no answer expected beyond acceptance).</summary>
    Task NotifyAsync(JsonObject message, CancellationToken cancellationToken);

    /// <summary>Called once <c>initialize</c> succeeded: later requests carry the negotiated revision.</summary>
    void UseProtocolVersion(string version);
}
