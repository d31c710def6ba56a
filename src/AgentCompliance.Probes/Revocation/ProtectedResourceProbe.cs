using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.Revocation;

/// <summary>Calls a protected resource with a bearer token and says whether it accepted the token.</summary>
public sealed class ProtectedResourceProbe(ProbeHttpClient http)
{
    /// <summary>GET <paramref name="resource"/> with the token; the answer's status decides.</summary>
    /// <exception cref="ProbeFailedException">The resource is unreachable.</exception>
    public async Task<ResourceAnswer> CallAsync(Uri resource, string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var response = await http.SendAsync(ProbeRequest.Get(resource, ProbeRequest.BearerAuthorization(token)), cancellationToken).ConfigureAwait(false);
        return new ResourceAnswer(response.Status);
    }
}
