namespace AgentCompliance.Core.Configuration;

/// <summary>
/// Where a SPIFFE trust bundle is read: exactly one of a file (a SPIFFE bundle or JWK set in JSON, or PEM CA
/// certificates) or the trust domain's bundle endpoint URL.
/// </summary>
public sealed record SpiffeBundleLocation
{
    public string? File { get; init; }

    public Uri? Url { get; init; }
}
