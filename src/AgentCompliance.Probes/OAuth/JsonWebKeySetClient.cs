using AgentCompliance.Probes.Http;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.Probes.OAuth;

/// <summary>Reads an issuer's signing keys (RFC 7517 JWK Set) with Microsoft.IdentityModel.</summary>
public sealed class JsonWebKeySetClient(ProbeHttpClient http)
{
    /// <exception cref="ProbeFailedException">The JWKS is unreachable, not a JWK Set, or holds no key.</exception>
    public async Task<JsonWebKeySet> FetchAsync(Uri jwksUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jwksUri);
        var response = await http.SendAsync(ProbeRequest.Get(jwksUri, new KeyValuePair<string, string>("Accept", "application/json")), cancellationToken).ConfigureAwait(false);
        var where = TransportRules.Endpoint(jwksUri);
        if (!response.IsSuccess)
        {
            throw new ProbeFailedException($"{where} answered {response.Status}, not a JWK Set");
        }

        using var json = response.Json();
        JsonWebKeySet keys;
        try
        {
            keys = new JsonWebKeySet(json.RootElement.GetRawText());
        }
        catch (ArgumentException e)
        {
            throw new ProbeFailedException($"{where} answered something that is not a JWK Set ({e.GetType().Name})");
        }

        return keys.Keys.Count > 0 ? keys : throw new ProbeFailedException($"{where} publishes no keys");
    }
}
