namespace AgentCompliance.Core.Configuration;

/// <summary>Where the deployment's audit trail can be read: exactly one of a file or a URL.</summary>
public sealed record AuditLogLocation
{
    public string? File { get; init; }

    public Uri? Url { get; init; }
}
