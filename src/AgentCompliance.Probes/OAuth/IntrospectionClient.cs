using System.Text.Json;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Tokens;

namespace AgentCompliance.Probes.OAuth;

/// <summary>Asks an RFC 7662 introspection endpoint whether a token is active, authenticated as an agent client.</summary>
public sealed class IntrospectionClient(ProbeHttpClient http)
{
    /// <exception cref="ProbeFailedException">The endpoint is unreachable, or answered 200 with something that is not an introspection response.</exception>
    public async Task<IntrospectionResult> IntrospectAsync(Uri endpoint, ClientCredentials client, string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(client);
        var request = TokenClient.Authenticate(
            ProbeRequest.PostForm(endpoint, [new("token", token), new("token_type_hint", "access_token")]),
            client,
            http.Redactor.Secrets);
        var response = await http.SendAsync(request.WithHeader("Accept", "application/json"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return new IntrospectionResult { Error = OAuthError.From(response) };
        }

        using var json = response.Json();
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("active", out var active) || active.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new ProbeFailedException($"{TransportRules.Endpoint(endpoint)} answered {response.Status} without a boolean 'active'");
        }

        return active.GetBoolean()
            ? new IntrospectionResult { Active = true, Claims = AccessTokenClaims.FromJson(root, "introspection") }
            : new IntrospectionResult { Active = false };
    }
}
