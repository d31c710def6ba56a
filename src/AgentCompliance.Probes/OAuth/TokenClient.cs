using System.Text.Json;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.OAuth;

/// <summary>
/// Requests tokens from an OAuth 2.0 token endpoint as an agent: client_credentials with the client's authentication
/// method, an RFC 8707 resource indicator and scopes. Every exchange goes through <see cref="ProbeHttpClient"/>, so it
/// is bounded, recorded as evidence and redacted.
/// </summary>
public sealed class TokenClient(ProbeHttpClient http)
{
    /// <summary>client_credentials for one agent.</summary>
    /// <exception cref="TokenEndpointException">The endpoint answered with an OAuth error.</exception>
    /// <exception cref="ProbeFailedException">The endpoint could not be reached or answered something that is not a token response.</exception>
    public Task<TokenResponse> ClientCredentialsAsync(Uri tokenEndpoint, ClientCredentials client, IReadOnlyList<string> scopes, Uri? resource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(scopes);
        var fields = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (scopes.Count > 0)
        {
            fields.Add(new("scope", string.Join(' ', scopes)));
        }

        if (resource is not null)
        {
            fields.Add(new("resource", resource.ToString()));
        }

        return RequestAsync(tokenEndpoint, client, fields, cancellationToken);
    }

    /// <summary>Any grant: adds the client's authentication to the fields and posts them.</summary>
    public async Task<TokenResponse> RequestAsync(Uri tokenEndpoint, ClientCredentials client, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenEndpoint);
        ArgumentNullException.ThrowIfNull(client);
        var request = Authenticate(ProbeRequest.PostForm(tokenEndpoint, fields), client);
        var response = await http.SendAsync(request.WithHeader("Accept", "application/json"), cancellationToken).ConfigureAwait(false);
        using var json = response.Json();
        var root = json.RootElement;
        if (!response.IsSuccess)
        {
            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var code) ? code.GetString() : null;
            var description = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_description", out var text) ? text.GetString() : null;
            throw new TokenEndpointException(response.Status, error ?? "(no error code)", description);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String)
        {
            throw new ProbeFailedException($"{TransportRules.Endpoint(tokenEndpoint)} answered {response.Status} without an access_token");
        }

        var result = TokenResponse.FromJson(root);
        http.Redactor.Secrets.Add(result.AccessToken);
        http.Redactor.Secrets.Add(result.RefreshToken);
        return result;
    }

    /// <summary>Adds client authentication (RFC 6749 §2.3.1) to a token, introspection or revocation request.</summary>
    public static ProbeRequest Authenticate(ProbeRequest request, ClientCredentials client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        return client.Method switch
        {
            ClientAuthenticationMethod.ClientSecretBasic => request.WithHeader(
                ProbeRequest.BasicAuthorization(client.ClientId, Require(client)).Key,
                ProbeRequest.BasicAuthorization(client.ClientId, Require(client)).Value),
            ClientAuthenticationMethod.ClientSecretPost => request with
            {
                Body = $"{request.Body}&client_id={Uri.EscapeDataString(client.ClientId)}&client_secret={Uri.EscapeDataString(Require(client))}",
            },
            ClientAuthenticationMethod.None => request with { Body = $"{request.Body}&client_id={Uri.EscapeDataString(client.ClientId)}" },
            _ => throw new ProbeFailedException($"client authentication '{client.Method}' is not supported yet for client '{client.ClientId}'"),
        };
    }

    private static string Require(ClientCredentials client) =>
        client.Secret ?? throw new ProbeFailedException($"client '{client.ClientId}' has no credentials in the profile (add credentials: {{env: VARIABLE}})");
}
