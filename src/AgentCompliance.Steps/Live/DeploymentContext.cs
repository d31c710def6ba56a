using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Core.Results;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.OAuth;
using AgentCompliance.Probes.Transport;

namespace AgentCompliance.Steps.Live;

/// <summary>
/// What steps that probe a running deployment share within one scenario: the target profile, one bounded HTTP
/// client whose exchanges become the step's evidence, and the run's secret registry, so every client secret read and
/// every token issued is redacted from all output. Created per scenario by context injection and disposed with it.
/// </summary>
public sealed class DeploymentContext(TargetContext target, IEvidenceSink evidence, SecretRegistry secrets) : IDisposable
{
    private ProbeHttpClient? _http;
    private CertificateTrust? _trust;
    private AuthorizationServerMetadata? _metadata;

    public TargetProfile Profile => target.RequireProfile();

    public IEvidenceSink Evidence => evidence;

    public Redactor Redactor { get; } = new(secrets);

    /// <summary>The scenario's HTTP client, bounded by the profile's request timeout and transport rules.</summary>
    public ProbeHttpClient Http => _http ??= new ProbeHttpClient(
        new ProbeHttpOptions
        {
            RequestTimeout = Profile.Timeouts.Request,
            AllowInsecureLoopback = Profile.Transport.AllowInsecureLoopback,
            Trust = Trust,
        },
        evidence,
        Redactor);

    /// <summary>The server certificates accepted: the system's roots plus the profile's <c>transport.trustedCaFile</c>.</summary>
    public CertificateTrust Trust => _trust ??= Profile.Transport.TrustedCaFile is { } file ? CertificateTrust.FromPemFile(file) : CertificateTrust.System;

    /// <summary>A TLS handshake probe with the same trust and timeout as <see cref="Http"/>, recording <c>tls</c> evidence.</summary>
    public TlsProbe Tls => new(Profile.Timeouts.Request, Trust, evidence, Redactor);

    /// <summary>The profile's agent of that name; an unknown name fails with the names the profile has.</summary>
    public AgentIdentity Agent(string name)
    {
        var agents = Profile.Agents;
        return agents.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(agents.Count == 0
                ? $"the profile names no agents, so there is no agent '{name}': add it under 'agents:'"
                : $"the profile has no agent '{name}' (agents: {string.Join(", ", agents.Select(a => a.Name))})");
    }

    /// <summary>Reads a secret and registers it for redaction before anyone can print it.</summary>
    public string ResolveSecret(SecretReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var value = reference.Resolve();
        secrets.Add(value);
        return value;
    }

    /// <summary>
    /// The token endpoint the profile names. Steps should prefer <see cref="TokenEndpointAsync"/>, which falls back to
    /// the issuer's metadata when the profile leaves it out.
    /// </summary>
    public Uri TokenEndpoint =>
        Profile.Target.IdentityProvider?.TokenEndpoint
        ?? throw new InvalidOperationException("the profile names no token endpoint: add target.identityProvider.tokenEndpoint");

    /// <summary>The profile's identity provider; without one, identity steps fail saying what to add.</summary>
    public IdentityProviderEndpoints IdentityProvider =>
        Profile.Target.IdentityProvider
        ?? throw new InvalidOperationException("the profile names no identity provider: add target.identityProvider.issuer");

    /// <summary>
    /// The issuer's metadata, discovered once per scenario. The issuer it publishes must be the configured one, or its
    /// endpoints are not used: a mismatched issuer is how mix-up attacks send credentials to another server.
    /// </summary>
    public async Task<AuthorizationServerMetadata> IssuerMetadataAsync(CancellationToken cancellationToken = default)
    {
        if (_metadata is not null)
        {
            return _metadata;
        }

        var issuer = IdentityProvider.Issuer;
        var metadata = await new AuthorizationServerDiscovery(Http).DiscoverAsync(issuer, cancellationToken).ConfigureAwait(false);
        if (!IssuerIdentifier.Matches(issuer, metadata.Issuer))
        {
            throw new ControlFailedException(
                $"the metadata at {TransportRules.Endpoint(metadata.Source)} names the issuer '{metadata.Issuer}', not the configured '{issuer}': its endpoints are not used, since a mismatched issuer is how mix-up attacks redirect credentials");
        }

        return _metadata = metadata;
    }

    /// <summary>The token endpoint: the profile's, or the one the issuer's metadata names.</summary>
    public async Task<Uri> TokenEndpointAsync(CancellationToken cancellationToken = default) =>
        IdentityProvider.TokenEndpoint
        ?? (await IssuerMetadataAsync(cancellationToken).ConfigureAwait(false)).TokenEndpoint
        ?? throw new ControlFailedException("neither the profile nor the issuer's metadata names a token endpoint");

    /// <summary>The introspection endpoint (RFC 7662): the profile's, else the metadata's, else null.</summary>
    public async Task<Uri?> IntrospectionEndpointAsync(CancellationToken cancellationToken = default) =>
        IdentityProvider.IntrospectionEndpoint ?? (await IssuerMetadataAsync(cancellationToken).ConfigureAwait(false)).IntrospectionEndpoint;

    /// <summary>The revocation endpoint (RFC 7009): the profile's, else the metadata's, else null.</summary>
    public async Task<Uri?> RevocationEndpointAsync(CancellationToken cancellationToken = default) =>
        IdentityProvider.RevocationEndpoint ?? (await IssuerMetadataAsync(cancellationToken).ConfigureAwait(false)).RevocationEndpoint;

    /// <summary>The issuer's JWKS URL: the profile's, else the metadata's, else null.</summary>
    public async Task<Uri?> JwksUriAsync(CancellationToken cancellationToken = default) =>
        IdentityProvider.JwksUri ?? (await IssuerMetadataAsync(cancellationToken).ConfigureAwait(false)).JwksUri;

    /// <summary>
    /// How the agent authenticates, with its secret (or private key) read and registered for redaction. A
    /// private_key_jwt assertion is addressed to the issuer identifier exactly as the issuer publishes it.
    /// </summary>
    public async Task<ClientCredentials> ClientCredentialsAsync(AgentIdentity agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var secret = agent.Credentials is null ? null : ResolveSecret(agent.Credentials);
        var audience = agent.AuthMethod == ClientAuthenticationMethod.PrivateKeyJwt ? await AssertionAudienceAsync(cancellationToken).ConfigureAwait(false) : null;
        return new ClientCredentials(agent.ClientId, agent.AuthMethod, secret) { AssertionAudience = audience };
    }

    /// <summary>An access token for the agent (client_credentials with its allowed scopes and resource).</summary>
    public async Task<TokenResponse> AcquireAccessTokenAsync(string agentName, CancellationToken cancellationToken = default)
    {
        var agent = Agent(agentName);
        var client = await ClientCredentialsAsync(agent, cancellationToken).ConfigureAwait(false);
        var tokenEndpoint = await TokenEndpointAsync(cancellationToken).ConfigureAwait(false);
        return await new TokenClient(Http).ClientCredentialsAsync(tokenEndpoint, client, agent.AllowedScopes, agent.Resource, cancellationToken).ConfigureAwait(false);
    }

    // The published issuer string when metadata can be read (it may lack the trailing slash a URL gets), else the
    // configured issuer.
    private async Task<string> AssertionAudienceAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await IssuerMetadataAsync(cancellationToken).ConfigureAwait(false)).Issuer;
        }
        catch (ProbeFailedException)
        {
            return IdentityProvider.Issuer.ToString();
        }
    }

    /// <summary>Registers a token (or any credential) the probes obtained, so it is redacted everywhere.</summary>
    public void RegisterSecret(string? value) => secrets.Add(value);

    /// <summary>Attaches a note to the running step.</summary>
    public void Note(string title, string text) => evidence.Add(new EvidenceItem("note", title, text));

    public void Dispose() => _http?.Dispose();
}
