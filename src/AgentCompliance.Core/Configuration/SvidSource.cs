namespace AgentCompliance.Core.Configuration;

/// <summary>
/// Where an agent's SPIFFE Verifiable Identity Documents are read: its X.509-SVID from a PEM file (leaf first, then
/// any intermediates) or from the certificate an mTLS endpoint presents as that agent, and optionally its JWT-SVID.
/// </summary>
public sealed record SvidSource
{
    /// <summary>PEM file holding the X.509-SVID chain (absolute once loaded from a profile).</summary>
    public string? File { get; init; }

    /// <summary>An https endpoint that presents the agent's X.509-SVID in its TLS handshake.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Where the agent's JWT-SVID is read; a bearer credential, so only a reference.</summary>
    public SecretReference? Jwt { get; init; }
}
