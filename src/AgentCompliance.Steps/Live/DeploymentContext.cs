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
    /// The token endpoint: the profile's, or the one the issuer's metadata names. Discovery is left to the identity
    /// steps; without either, steps that need tokens fail saying what to add.
    /// </summary>
    public Uri TokenEndpoint =>
        Profile.Target.IdentityProvider?.TokenEndpoint
        ?? throw new InvalidOperationException("the profile names no token endpoint: add target.identityProvider.tokenEndpoint");

    /// <summary>An access token for the agent (client_credentials with its allowed scopes and resource).</summary>
    public Task<TokenResponse> AcquireAccessTokenAsync(string agentName, CancellationToken cancellationToken = default)
    {
        var agent = Agent(agentName);
        var client = new ClientCredentials(agent.ClientId, agent.AuthMethod, agent.Credentials is null ? null : ResolveSecret(agent.Credentials));
        return new TokenClient(Http).ClientCredentialsAsync(TokenEndpoint, client, agent.AllowedScopes, agent.Resource, cancellationToken);
    }

    /// <summary>Registers a token (or any credential) the probes obtained, so it is redacted everywhere.</summary>
    public void RegisterSecret(string? value) => secrets.Add(value);

    /// <summary>Attaches a note to the running step.</summary>
    public void Note(string title, string text) => evidence.Add(new EvidenceItem("note", title, text));

    public void Dispose() => _http?.Dispose();
}
