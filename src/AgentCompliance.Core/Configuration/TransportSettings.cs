namespace AgentCompliance.Core.Configuration;

/// <summary>Transport security rules for everything the harness sends.</summary>
public sealed record TransportSettings
{
    /// <summary>Allow plain http:// to loopback hosts only (local test deployments). Other hosts always need https.</summary>
    public bool AllowInsecureLoopback { get; init; }
}
