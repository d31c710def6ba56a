namespace AgentCompliance.Core.Configuration;

/// <summary>Transport security rules for everything the harness sends.</summary>
public sealed record TransportSettings
{
    /// <summary>Allow plain http:// to loopback hosts only (local test deployments). Other hosts always need https.</summary>
    public bool AllowInsecureLoopback { get; init; }

    /// <summary>
    /// PEM file of private CA certificates trusted in addition to the system's roots, for deployments whose endpoints
    /// use an internal CA. Certificates are always validated; this only adds roots.
    /// </summary>
    public string? TrustedCaFile { get; init; }
}
