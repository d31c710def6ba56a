using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.OAuth;

/// <summary>Revokes a token at an RFC 7009 revocation endpoint, authenticated as the client it was issued to.</summary>
public sealed class RevocationClient(ProbeHttpClient http)
{
    /// <summary>Null when the endpoint accepted the revocation (200), otherwise the error it answered.</summary>
    /// <exception cref="ProbeFailedException">The endpoint is unreachable.</exception>
    public async Task<OAuthError?> RevokeAsync(Uri endpoint, ClientCredentials client, string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(client);
        var request = TokenClient.Authenticate(
            ProbeRequest.PostForm(endpoint, [new("token", token), new("token_type_hint", "access_token")]),
            client,
            http.Redactor.Secrets);
        var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccess ? null : OAuthError.From(response);
    }
}
