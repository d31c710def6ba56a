using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.OAuth;
using AgentCompliance.Probes.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AgentCompliance.Steps.Live.Identity;

/// <summary>
/// The tokens a scenario obtained and what was learnt about them: claims (from the JWT payload, or from introspection
/// for opaque tokens), the issuer's keys, tokens revoked and when. Created per scenario by context injection.
/// </summary>
public sealed class AgentTokenContext(DeploymentContext deployment)
{
    private readonly Dictionary<string, AccessTokenClaims> _claims = new(StringComparer.Ordinal);
    private JsonWebKeySet? _keys;

    public DeploymentContext Deployment => deployment;

    /// <summary>Agent tokens obtained in this scenario, in order.</summary>
    public List<AgentToken> Tokens { get; } = [];

    /// <summary>Tokens revoked in this scenario, with the <see cref="System.Diagnostics.Stopwatch"/> timestamp of each revocation and the resource that accepted it before.</summary>
    public List<(AgentToken Token, long RevokedAt, Uri? AcceptingResource)> Revoked { get; } = [];

    /// <summary>People's tokens exchanged by agents in this scenario (RFC 8693), in order.</summary>
    public List<Delegation> Delegations { get; } = [];

    /// <summary>The tokens the "the access token(s)" steps judge; failing when the scenario obtained none.</summary>
    public IReadOnlyList<AgentToken> RequireTokens() => Tokens.Count > 0
        ? Tokens
        : throw new InvalidOperationException("no access token was obtained in this scenario: start with 'Given the agent \"…\" obtains an access token' or 'Given every agent in the profile obtains an access token'");

    /// <summary>Obtains a token for the agent (client_credentials, its allowed scopes and resource) and keeps it.</summary>
    public async Task<AgentToken> ObtainAsync(AgentIdentity agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var client = await deployment.ClientCredentialsAsync(agent, cancellationToken).ConfigureAwait(false);
        var endpoint = await deployment.TokenEndpointAsync(cancellationToken).ConfigureAwait(false);
        TokenResponse response;
        try
        {
            response = await new TokenClient(deployment.Http).ClientCredentialsAsync(endpoint, client, agent.AllowedScopes, agent.Resource, cancellationToken).ConfigureAwait(false);
        }
        catch (TokenEndpointException e)
        {
            throw new ControlFailedException($"agent '{agent.Name}' (client '{agent.ClientId}') could not obtain an access token: {e.Message}");
        }

        var token = new AgentToken(agent, client, response, DateTimeOffset.UtcNow);
        Tokens.Add(token);
        return token;
    }

    /// <summary>
    /// The token's claims: a JWT's payload, or for an opaque (or encrypted) token what the introspection endpoint
    /// says. A malformed JWT, or an opaque token nobody can introspect, fails the control with the reason.
    /// </summary>
    public async Task<AccessTokenClaims> ClaimsAsync(string whose, string token, ClientCredentials client, CancellationToken cancellationToken = default)
    {
        if (_claims.TryGetValue(token, out var known))
        {
            return known;
        }

        AccessTokenClaims claims;
        if (JwtReader.IsJwt(token) && !JwtReader.IsEncrypted(token))
        {
            claims = JwtReader.Claims(Jwt(whose, token));
        }
        else
        {
            var endpoint = await deployment.IntrospectionEndpointAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new ControlFailedException($"{whose} is {(JwtReader.IsEncrypted(token) ? "encrypted (JWE)" : "opaque")} and the issuer has no introspection endpoint, so its claims cannot be checked");
            var result = await new IntrospectionClient(deployment.Http).IntrospectAsync(endpoint, client, token, cancellationToken).ConfigureAwait(false);
            claims = result switch
            {
                { Error: { } error } => throw new ControlFailedException($"{whose} is opaque and the introspection endpoint answered {error}, so its claims cannot be checked"),
                { Active: false } => throw new ControlFailedException($"{whose} was just issued, yet introspection says it is not active"),
                _ => result.Claims!,
            };
        }

        deployment.Note($"claims of {whose}", claims.ToString());
        _claims[token] = claims;
        return claims;
    }

    /// <summary>The token's claims (see <see cref="ClaimsAsync(string, string, ClientCredentials, CancellationToken)"/>).</summary>
    public Task<AccessTokenClaims> ClaimsAsync(AgentToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        return ClaimsAsync(Whose(token), token.Value, token.Client, cancellationToken);
    }

    /// <summary>A JWT access token parsed defensively; a malformed one fails the control naming what is wrong.</summary>
    public static JsonWebToken Jwt(string whose, string token)
    {
        try
        {
            return JwtReader.Read(token);
        }
        catch (MalformedTokenException e)
        {
            throw new ControlFailedException($"{whose} is not a well-formed JWT: {e.Message}");
        }
    }

    /// <summary>The issuer's published signing keys, read once per scenario.</summary>
    public async Task<JsonWebKeySet> KeysAsync(CancellationToken cancellationToken = default)
    {
        if (_keys is not null)
        {
            return _keys;
        }

        var jwksUri = await deployment.JwksUriAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new ControlFailedException("neither the profile nor the issuer's metadata names a JWKS (jwks_uri), so token signatures cannot be verified");
        return _keys = await new JsonWebKeySetClient(deployment.Http).FetchAsync(jwksUri, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How messages name a token: "the access token of agent 'x'".</summary>
    public static string Whose(AgentToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return $"the access token of agent '{token.Agent.Name}'";
    }
}
