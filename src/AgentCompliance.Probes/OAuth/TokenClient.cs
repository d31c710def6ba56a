using System.Text.Json;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.OAuth;

/// <summary>
/// Requests tokens from an OAuth 2.0 token endpoint as an agent: client_credentials with the client's authentication
/// method (client_secret_basic, client_secret_post or private_key_jwt), an RFC 8707 resource indicator and scopes, and
/// RFC 8693 token exchange. Every exchange goes through <see cref="ProbeHttpClient"/>, so it is bounded, recorded as
/// evidence and redacted; every token issued is registered as a secret.
/// </summary>
public sealed class TokenClient(ProbeHttpClient http)
{
    /// <summary>RFC 8693 §2.1's grant type.</summary>
    public const string TokenExchangeGrantType = "urn:ietf:params:oauth:grant-type:token-exchange";

    /// <summary>RFC 8693 §3's token type identifier of an OAuth access token.</summary>
    public const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";

    /// <summary>client_credentials for one agent.</summary>
    /// <exception cref="TokenEndpointException">The endpoint answered with an OAuth error.</exception>
    /// <exception cref="ProbeFailedException">The endpoint could not be reached or answered something that is not a token response.</exception>
    public Task<TokenResponse> ClientCredentialsAsync(Uri tokenEndpoint, ClientCredentials client, IReadOnlyList<string> scopes, Uri? resource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(scopes);
        var fields = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        AddScopeAndResource(fields, scopes, resource);
        return RequestAsync(tokenEndpoint, client, fields, cancellationToken);
    }

    /// <summary>
    /// RFC 8693 token exchange: the agent (<paramref name="client"/>) presents another party's access token and asks
    /// for a token to act with, for <paramref name="scopes"/> at <paramref name="resource"/>.
    /// </summary>
    /// <exception cref="TokenEndpointException">The endpoint refused the exchange (an expected outcome for up-scoping or revoked subject tokens).</exception>
    /// <exception cref="ProbeFailedException">The endpoint could not be reached or answered something that is not a token response.</exception>
    public Task<TokenResponse> ExchangeAsync(Uri tokenEndpoint, ClientCredentials client, string subjectToken, IReadOnlyList<string> scopes, Uri? resource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(subjectToken);
        ArgumentNullException.ThrowIfNull(scopes);
        http.Redactor.Secrets.Add(subjectToken);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", TokenExchangeGrantType),
            new("subject_token", subjectToken),
            new("subject_token_type", AccessTokenType),
            new("requested_token_type", AccessTokenType),
        };
        AddScopeAndResource(fields, scopes, resource);
        return RequestAsync(tokenEndpoint, client, fields, cancellationToken);
    }

    /// <summary>Any grant: adds the client's authentication to the fields and posts them.</summary>
    public async Task<TokenResponse> RequestAsync(Uri tokenEndpoint, ClientCredentials client, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenEndpoint);
        ArgumentNullException.ThrowIfNull(client);
        var request = Authenticate(ProbeRequest.PostForm(tokenEndpoint, fields), client, http.Redactor.Secrets);
        var response = await http.SendAsync(request.WithHeader("Accept", "application/json"), cancellationToken).ConfigureAwait(false);
        using var json = response.Json();
        var root = json.RootElement;
        if (!response.IsSuccess)
        {
            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var code) ? code.GetString() : null;
            var description = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_description", out var text) ? text.GetString() : null;
            throw new TokenEndpointException(response.Status, error ?? "(no error code)", description is null ? null : http.Redactor.Redact(description));
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
    public static ProbeRequest Authenticate(ProbeRequest request, ClientCredentials client) => Authenticate(request, client, secrets: null);

    /// <summary>
    /// Adds client authentication to a request; a <c>private_key_jwt</c> assertion signed for it is registered in
    /// <paramref name="secrets"/> (when given), since anyone holding it can use it until it expires.
    /// </summary>
    public static ProbeRequest Authenticate(ProbeRequest request, ClientCredentials client, SecretRegistry? secrets)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        switch (client.Method)
        {
            case ClientAuthenticationMethod.ClientSecretBasic:
                var basic = ProbeRequest.BasicAuthorization(client.ClientId, Require(client));
                return request.WithHeader(basic.Key, basic.Value);
            case ClientAuthenticationMethod.ClientSecretPost:
                return request with { Body = $"{request.Body}&client_id={Uri.EscapeDataString(client.ClientId)}&client_secret={Uri.EscapeDataString(Require(client))}" };
            case ClientAuthenticationMethod.PrivateKeyJwt:
                var assertion = ClientAssertion.Create(client.ClientId, Require(client), client.AssertionAudience ?? TransportRules.Endpoint(request.Url), DateTimeOffset.UtcNow);
                secrets?.Add(assertion);
                return request with
                {
                    Body = $"{request.Body}&client_id={Uri.EscapeDataString(client.ClientId)}&client_assertion_type={Uri.EscapeDataString(ClientAssertion.AssertionType)}&client_assertion={assertion}",
                };
            case ClientAuthenticationMethod.None:
                return request with { Body = $"{request.Body}&client_id={Uri.EscapeDataString(client.ClientId)}" };
            default:
                throw new ProbeFailedException($"client authentication '{client.Method}' is not supported for client '{client.ClientId}' (use client_secret_basic, client_secret_post or private_key_jwt)");
        }
    }

    private static void AddScopeAndResource(List<KeyValuePair<string, string>> fields, IReadOnlyList<string> scopes, Uri? resource)
    {
        if (scopes.Count > 0)
        {
            fields.Add(new("scope", string.Join(' ', scopes)));
        }

        if (resource is not null)
        {
            fields.Add(new("resource", resource.ToString()));
        }
    }

    private static string Require(ClientCredentials client) =>
        client.Secret ?? throw new ProbeFailedException($"client '{client.ClientId}' has no credentials in the profile (add credentials: {{env: VARIABLE}})");
}
