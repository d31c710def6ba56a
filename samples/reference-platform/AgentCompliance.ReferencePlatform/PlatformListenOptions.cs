namespace AgentCompliance.ReferencePlatform;

/// <summary>
/// Where the platform listens and how it names itself. In process everything is on 127.0.0.1 with free ports; in a
/// container it binds 0.0.0.0 with fixed ports while tokens and metadata name the host clients use.
/// </summary>
public sealed record PlatformListenOptions
{
    /// <summary>The address every component binds (127.0.0.1 unless the platform runs in a container).</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>The host name clients reach the platform at; it appears in the issuer, audiences and metadata.</summary>
    public string PublicHost { get; init; } = "127.0.0.1";

    /// <summary>The token service's port; 0 picks a free one.</summary>
    public int IssuerPort { get; init; }

    /// <summary>The agent gateway's port (also serving the policy decision point and the audit trail); 0 picks a free one.</summary>
    public int GatewayPort { get; init; }

    /// <summary>The MCP tool server's port; 0 picks a free one.</summary>
    public int McpPort { get; init; }

    /// <summary>The JSON-lines audit file; null writes it to a temporary folder removed when the platform stops.</summary>
    public string? AuditFile { get; init; }

    /// <summary>Client secrets by client id, e.g. read from the environment; any client without one gets a random secret.</summary>
    public IReadOnlyDictionary<string, string> ClientSecrets { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The approving person's password at the approval portal; null generates one.</summary>
    public string? HumanPassword { get; init; }

    public static PlatformListenOptions Loopback { get; } = new();
}
