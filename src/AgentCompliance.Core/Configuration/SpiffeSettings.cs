namespace AgentCompliance.Core.Configuration;

/// <summary>The SPIFFE trust domain the agents' workload identities belong to, and where its trust bundle is read.</summary>
public sealed record SpiffeSettings
{
    /// <summary>The trust domain name, e.g. <c>example.org</c>; every agent's SPIFFE ID must belong to it.</summary>
    public required string TrustDomain { get; init; }

    /// <summary>The trust domain's bundle: the X.509 authorities and JWT signing keys SVIDs are verified with.</summary>
    public required SpiffeBundleLocation Bundle { get; init; }

    /// <summary>The certificate the harness presents to mTLS endpoints that require one; none when absent.</summary>
    public ClientCertificateSettings? ClientCertificate { get; init; }
}
