namespace AgentCompliance.ReferencePlatform;

/// <summary>
/// How the platform behaves. <see cref="Hardened"/> follows the pattern for agents — an identity per agent, short-lived
/// audience-bound tokens, revocation checked on every request, default-deny policy decided per call, every call and
/// denial audited, MCP behind OAuth; <see cref="Weak"/> breaks each of those the way real deployments do.
/// </summary>
public sealed record PlatformConfiguration
{
    public const string HardenedName = "hardened";

    public const string WeakName = "weak";

    /// <summary>The scopes the token service knows; a weak client is granted all of them whatever it asks for.</summary>
    public static readonly IReadOnlyList<string> Scopes = ["documents.read", "tickets.write", "refunds.issue", "admin"];

    /// <summary>The three agents of the demo, each with a client of its own.</summary>
    public static IReadOnlyList<PlatformAgent> DemoAgents { get; } =
    [
        new("research-agent", "research-agent", "client_secret_basic", ["documents.read"], ["search_documents"]),
        new("support-agent", "support-agent", "client_secret_post", ["documents.read", "tickets.write"], ["search_documents", "create_ticket"]),
        new("billing-agent", "billing-agent", "client_secret_basic", ["refunds.issue"], ["issue_refund"]),
    ];

    public static PlatformConfiguration Hardened { get; } = new()
    {
        Name = HardenedName,
        Agents = DemoAgents,
        AccessTokenLifetime = TimeSpan.FromMinutes(5),
        GrantEveryScope = false,
        Revocable = true,
        McpRequiresAuthentication = true,
        AuditsDenials = true,
        PolicyFile = HardenedName,
    };

    /// <summary>
    /// 24-hour tokens; the research and support agents share one client; every scope granted (a wildcard); tokens not
    /// stored, so nothing can be revoked; denials not audited; the MCP server open to anyone; a policy allowing everything.
    /// </summary>
    public static PlatformConfiguration Weak { get; } = new()
    {
        Name = WeakName,
        Agents =
        [
            DemoAgents[0] with { ClientId = "assistant-agent" },
            DemoAgents[1] with { ClientId = "assistant-agent", AuthMethod = "client_secret_basic" },
            DemoAgents[2],
        ],
        AccessTokenLifetime = TimeSpan.FromHours(24),
        GrantEveryScope = true,
        Revocable = false,
        McpRequiresAuthentication = false,
        AuditsDenials = false,
        PolicyFile = WeakName,
    };

    /// <summary><c>hardened</c> or <c>weak</c>.</summary>
    public required string Name { get; init; }

    public required IReadOnlyList<PlatformAgent> Agents { get; init; }

    public required TimeSpan AccessTokenLifetime { get; init; }

    /// <summary>Every known scope is granted whatever the client asked for.</summary>
    public required bool GrantEveryScope { get; init; }

    /// <summary>Tokens are stored, so revocation (RFC 7009) works and resource servers reject revoked tokens at once.</summary>
    public required bool Revocable { get; init; }

    public required bool McpRequiresAuthentication { get; init; }

    /// <summary>Denied tool calls are written to the audit trail with their reason.</summary>
    public required bool AuditsDenials { get; init; }

    /// <summary>The gateway's policy: a bundled policy's name (<c>hardened</c>, <c>weak</c>) or a JSON policy file's path.</summary>
    public required string PolicyFile { get; init; }

    /// <summary>A Cerbos decision point the gateway asks instead of its policy file, when set.</summary>
    public Uri? CerbosUrl { get; init; }

    /// <summary>The distinct clients the agents use.</summary>
    public IReadOnlyList<string> ClientIds => [.. Agents.Select(a => a.ClientId).Distinct(StringComparer.Ordinal)];

    /// <summary>The configuration of that name.</summary>
    /// <exception cref="ArgumentException">No configuration has that name.</exception>
    public static PlatformConfiguration FromName(string name) => name switch
    {
        HardenedName => Hardened,
        WeakName => Weak,
        _ => throw new ArgumentException($"unknown platform configuration '{name}' (known: {HardenedName}, {WeakName})", nameof(name)),
    };
}
