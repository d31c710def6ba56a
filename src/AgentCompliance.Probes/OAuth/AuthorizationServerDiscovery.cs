using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.OAuth;

/// <summary>
/// Reads an issuer's metadata: <c>/.well-known/openid-configuration</c> (OpenID Connect Discovery, appended to the
/// issuer), then <c>/.well-known/oauth-authorization-server</c> (RFC 8414, inserted before the issuer's path). It does
/// not judge the document; <see cref="IssuerIdentifier"/> says whether its issuer is the one asked for.
/// </summary>
public sealed class AuthorizationServerDiscovery(ProbeHttpClient http)
{
    /// <exception cref="ProbeFailedException">Neither location answered a metadata document.</exception>
    public async Task<AuthorizationServerMetadata> DiscoverAsync(Uri issuer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var attempts = new List<string>();
        foreach (var location in Locations(issuer))
        {
            var response = await http.SendAsync(ProbeRequest.Get(location, new KeyValuePair<string, string>("Accept", "application/json")), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                attempts.Add($"{TransportRules.Endpoint(location)} answered {response.Status}");
                continue;
            }

            using var json = response.Json();
            return AuthorizationServerMetadata.FromJson(location, json.RootElement);
        }

        throw new ProbeFailedException($"the issuer {issuer} publishes no metadata: {string.Join("; ", attempts)}");
    }

    /// <summary>Where metadata for <paramref name="issuer"/> is looked for, in order.</summary>
    public static IReadOnlyList<Uri> Locations(Uri issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var origin = issuer.GetLeftPart(UriPartial.Authority);
        var path = issuer.AbsolutePath.TrimEnd('/');
        return
        [
            new Uri($"{origin}{path}/.well-known/openid-configuration"),
            new Uri($"{origin}/.well-known/oauth-authorization-server{path}"),
        ];
    }
}
