using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Results;
using AgentCompliance.Probes.Spiffe;
using AgentCompliance.Probes.Transport;

namespace AgentCompliance.Steps.Live;

/// <summary>
/// What the SPIFFE steps of one scenario share: the profile's trust domain, its trust bundle (read once) and each
/// agent's X.509-SVID (read once, from a file or an mTLS endpoint). Everything read is recorded as evidence:
/// the bundle's authorities and each SVID's certificate facts.
/// </summary>
public sealed class WorkloadIdentityContext(DeploymentContext deployment)
{
    private readonly Dictionary<string, Task<X509Svid>> _svids = new(StringComparer.Ordinal);
    private Task<SpiffeBundle>? _bundle;
    private X509Certificate2? _clientCertificate;

    /// <summary>The profile's <c>spiffe</c> section; without it no SPIFFE control can be verified.</summary>
    public SpiffeSettings Settings => deployment.Profile.Spiffe
        ?? throw new ControlFailedException("the profile has no 'spiffe' section, so no workload identity can be verified: add spiffe.trustDomain and spiffe.bundle");

    /// <summary>The profile's agents; none means nothing can be verified.</summary>
    public IReadOnlyList<AgentIdentity> Agents => deployment.Profile.Agents is { Count: > 0 } agents
        ? agents
        : throw new ControlFailedException("the profile names no agents, so no workload identity can be verified: add them under 'agents'");

    public DeploymentContext Deployment => deployment;

    /// <summary>The trust bundle from spiffe.bundle (a file or the bundle endpoint), read once per scenario.</summary>
    public Task<SpiffeBundle> BundleAsync() => _bundle ??= ReadBundleAsync();

    /// <summary>The agent's X.509-SVID, read once per scenario.</summary>
    /// <exception cref="ControlFailedException">The profile gives the agent no X.509-SVID source.</exception>
    /// <exception cref="Probes.Http.ProbeFailedException">The SVID could not be read.</exception>
    public Task<X509Svid> X509SvidAsync(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!_svids.TryGetValue(agent.Name, out var svid))
        {
            svid = ReadSvidAsync(agent);
            _svids[agent.Name] = svid;
        }

        return svid;
    }

    /// <summary>"agent 'planner'", with its SPIFFE ID when the profile gives one.</summary>
    public static string Describe(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return agent.SpiffeId is null ? $"agent '{agent.Name}'" : $"agent '{agent.Name}' ({agent.SpiffeId})";
    }

    private async Task<SpiffeBundle> ReadBundleAsync()
    {
        var location = Settings.Bundle;
        var bundle = location.File is { } file
            ? SpiffeBundleReader.FromFile(file)
            : await SpiffeBundleReader.FromEndpointAsync(deployment.Http, location.Url!).ConfigureAwait(false);
        deployment.Evidence.Add(new EvidenceItem("certificate", $"SPIFFE trust bundle of {Settings.TrustDomain}", deployment.Redactor.Redact(SpiffeBundleReader.Describe(bundle))));
        return bundle;
    }

    private async Task<X509Svid> ReadSvidAsync(AgentIdentity agent)
    {
        X509Svid svid;
        if (agent.Svid?.File is { } file)
        {
            svid = X509SvidFile.Read(file);
        }
        else if (agent.Svid?.Endpoint is { } endpoint)
        {
            var bundle = await BundleAsync().ConfigureAwait(false);
            svid = await new X509SvidEndpoint(deployment.Profile.Timeouts.Request).ReadAsync(endpoint, bundle.X509Authorities, ClientCertificate()).ConfigureAwait(false);
        }
        else
        {
            throw new ControlFailedException($"the profile gives no X.509-SVID source for it (set agents[].svid.file or agents[].svid.endpoint)");
        }

        var text = new StringBuilder().Append("Read from: ").AppendLine(svid.Source).AppendLine(CertificateFacts.Describe(svid.Leaf));
        foreach (var intermediate in svid.Intermediates)
        {
            text.Append("Intermediate: ").Append(intermediate.Subject).Append(", issued by ").AppendLine(intermediate.Issuer);
        }

        deployment.Evidence.Add(new EvidenceItem("certificate", $"X.509-SVID of agent '{agent.Name}'", deployment.Redactor.Redact(text.ToString())));
        return svid;
    }

    // The harness's own certificate for endpoints that require mutual TLS; its key is a secret and is registered.
    private X509Certificate2? ClientCertificate()
    {
        if (_clientCertificate is not null || Settings.ClientCertificate is not { } settings)
        {
            return _clientCertificate;
        }

        var key = deployment.ResolveSecret(settings.Key);
        var chain = PemCertificates.Read(settings.Certificate, "client certificate file");
        try
        {
            using var withKey = X509Certificate2.CreateFromPem(PemEncoding.WriteString("CERTIFICATE", chain[0].RawData), key);
            // An exportable copy: TLS on some platforms cannot use an ephemeral key directly.
            _clientCertificate = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        }
        catch (CryptographicException)
        {
            throw new ControlFailedException($"the client certificate {settings.Certificate} and its key ({settings.Key}) do not form a usable certificate with private key");
        }

        return _clientCertificate;
    }
}
