namespace AgentCompliance.Core.Configuration;

/// <summary>A client certificate for mutual TLS: the certificate chain in PEM and where its private key is read.</summary>
public sealed record ClientCertificateSettings
{
    /// <summary>PEM certificate file, leaf first (absolute once loaded from a profile).</summary>
    public required string Certificate { get; init; }

    /// <summary>The PEM private key; a secret, so only a reference.</summary>
    public required SecretReference Key { get; init; }
}
