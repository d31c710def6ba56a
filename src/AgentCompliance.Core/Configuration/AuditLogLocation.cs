namespace AgentCompliance.Core.Configuration;

/// <summary>
/// Where the deployment's audit trail can be read (exactly one of a JSON-lines file or a URL), how its events are
/// shaped, and how much of it may be read.
/// </summary>
public sealed record AuditLogLocation
{
    /// <summary>The default cap on bytes read from the trail: its newest 8 MiB.</summary>
    public const long DefaultMaxBytes = 8 * 1024 * 1024;

    public string? File { get; init; }

    public Uri? Url { get; init; }

    /// <summary>A JSON Schema file each event must satisfy; the built-in audit event schema when absent.</summary>
    public string? Schema { get; init; }

    /// <summary>Where each piece of information sits in an event, for trails that name fields differently.</summary>
    public AuditEventFieldNames Fields { get; init; } = new();

    /// <summary>Most bytes read from the trail at once; a larger trail is read from its newest end.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;
}
