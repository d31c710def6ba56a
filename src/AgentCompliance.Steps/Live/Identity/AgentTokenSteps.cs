using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Tokens;
using Reqnroll;

namespace AgentCompliance.Steps.Live.Identity;

/// <summary>
/// Just-in-time workload credentials: each agent obtains an access token as itself (client_credentials with its
/// profile scopes and RFC 8707 resource), and the token is judged: lifetime, signature, type, audience, scopes. The
/// "access token(s)" steps judge every token the scenario obtained, so one scenario can cover every agent.
/// </summary>
[Binding]
public sealed class AgentTokenSteps(AgentTokenContext tokens)
{
    /// <summary>The agent authenticates as its own client and obtains an access token for its resource and scopes.</summary>
    /// <param name="agent">The agent's name in the profile.</param>
    /// <example>Given the agent "research-agent" obtains an access token</example>
    [Given("the agent {string} obtains an access token")]
    public async Task GivenTheAgentObtainsAnAccessToken(string agent)
    {
        var token = await tokens.ObtainAsync(tokens.Deployment.Agent(agent)).ConfigureAwait(false);
        tokens.Deployment.Note($"token for agent '{agent}'", Describe(token));
    }

    /// <summary>Every agent in the profile obtains an access token; a profile without agents fails, as nothing could be verified.</summary>
    /// <example>Given every agent in the profile obtains an access token</example>
    [Given("every agent in the profile obtains an access token")]
    public async Task GivenEveryAgentInTheProfileObtainsAnAccessToken()
    {
        var agents = tokens.Deployment.Profile.Agents;
        if (agents.Count == 0)
        {
            throw new ControlFailedException("the profile names no agents, so no agent token can be checked: add them under 'agents:'");
        }

        foreach (var agent in agents)
        {
            var token = await tokens.ObtainAsync(agent).ConfigureAwait(false);
            tokens.Deployment.Note($"token for agent '{agent.Name}'", Describe(token));
        }
    }

    /// <summary>Each token lives at most the bound (<c>exp − iat</c>, from the JWT or from introspection for opaque tokens).</summary>
    /// <param name="maximumSeconds">The longest lifetime allowed.</param>
    /// <example>Then the access token lives at most 900 seconds</example>
    [Then("the access token(s) live(s) at most {int} seconds")]
    public async Task ThenTheAccessTokensLiveAtMostSeconds(int maximumSeconds)
    {
        var outcomes = new List<(AgentToken, CheckOutcome)>();
        foreach (var token in tokens.RequireTokens())
        {
            var claims = await tokens.ClaimsAsync(token).ConfigureAwait(false);
            outcomes.Add((token, LifetimeCheck.Check(claims, TimeSpan.FromSeconds(maximumSeconds), token.ReceivedAt)));
        }

        Conclude(outcomes, $"access tokens living longer than {maximumSeconds} s");
    }

    /// <summary>
    /// Each token is a JWT signed with an asymmetric algorithm (never <c>none</c>, never HMAC: algorithm confusion), by
    /// a key whose <c>kid</c> the issuer's JWKS publishes, and the signature and <c>iss</c> verify. An opaque token
    /// fails: this control is for JWT access tokens (exclude it with a tag for issuers that issue opaque ones).
    /// </summary>
    /// <example>Then the access token is signed with a key the issuer publishes</example>
    [Then("the access token(s) is/are signed with a key the issuer publishes")]
    public async Task ThenTheAccessTokensAreSignedWithAKeyTheIssuerPublishes()
    {
        var keys = await tokens.KeysAsync().ConfigureAwait(false);
        var metadataIssuer = (await tokens.Deployment.IssuerMetadataAsync().ConfigureAwait(false)).Issuer;
        var outcomes = new List<(AgentToken, CheckOutcome)>();
        foreach (var token in tokens.RequireTokens())
        {
            if (!JwtReader.IsJwt(token.Value))
            {
                outcomes.Add((token, CheckOutcome.Fail("it is opaque, so there is no signature the harness can verify (this control applies to JWT access tokens)")));
                continue;
            }

            var jwt = AgentTokenContext.Jwt(AgentTokenContext.Whose(token), token.Value);
            var checks = new[]
            {
                SigningAlgorithmCheck.Check(jwt, keys),
                KeyIdCheck.Check(jwt, keys),
                await SignatureCheck.CheckAsync(token.Value, keys, metadataIssuer).ConfigureAwait(false),
            };
            outcomes.Add((token, checks.All(c => c.Holds)
                ? CheckOutcome.Pass(string.Join("; ", checks.Select(c => c.Message)))
                : CheckOutcome.Fail(string.Join("; ", checks.Where(c => !c.Holds).Select(c => c.Message)))));
        }

        Conclude(outcomes, "access tokens not signed with a key the issuer publishes");
    }

    /// <summary>Each token is a JWT whose header <c>typ</c> is the given type (RFC 9068 access tokens: <c>at+jwt</c>).</summary>
    /// <param name="type">The expected <c>typ</c> header value.</param>
    /// <example>Then the access token has the type "at+jwt"</example>
    [Then("the access token(s) has/have the type {string}")]
    public void ThenTheAccessTokensHaveTheType(string type)
    {
        var outcomes = tokens.RequireTokens()
            .Select(token => (token, JwtReader.IsJwt(token.Value)
                ? TokenTypeCheck.Check(AgentTokenContext.Jwt(AgentTokenContext.Whose(token), token.Value), type)
                : CheckOutcome.Fail($"it is opaque, so it has no JWT type; expected '{type}'")))
            .ToList();
        Conclude(outcomes, $"access tokens whose type is not '{type}'");
    }

    /// <summary>
    /// Each token's audience is exactly its agent's <c>audience</c> from the profile, or else its <c>resource</c>
    /// (RFC 8707): a token several services accept can be replayed against all of them.
    /// </summary>
    /// <example>Then the access token is bound to the agent's resource</example>
    [Then("the access token(s) is/are bound to the agent's resource")]
    public async Task ThenTheAccessTokensAreBoundToTheAgentsResource()
    {
        var outcomes = new List<(AgentToken, CheckOutcome)>();
        foreach (var token in tokens.RequireTokens())
        {
            var expected = token.Agent.Audience ?? token.Agent.Resource?.ToString();
            if (expected is null)
            {
                outcomes.Add((token, CheckOutcome.Fail($"the profile gives agent '{token.Agent.Name}' no resource or audience, so its token's audience cannot be checked")));
                continue;
            }

            outcomes.Add((token, AudienceCheck.Check(await tokens.ClaimsAsync(token).ConfigureAwait(false), expected)));
        }

        Conclude(outcomes, "access tokens not bound to their agent's resource");
    }

    /// <summary>Each token grants no scope beyond its agent's <c>allowedScopes</c> in the profile (least privilege).</summary>
    /// <example>Then the access token grants only the agent's allowed scopes</example>
    [Then("the access token(s) grant(s) only the agent's allowed scopes")]
    public async Task ThenTheAccessTokensGrantOnlyTheAgentsAllowedScopes()
    {
        var outcomes = new List<(AgentToken, CheckOutcome)>();
        foreach (var token in tokens.RequireTokens())
        {
            var claims = await tokens.ClaimsAsync(token).ConfigureAwait(false);
            outcomes.Add((token, ScopeCheck.Check(claims, token.Response.Scope, token.Agent.AllowedScopes)));
        }

        Conclude(outcomes, "access tokens granting more than the agent's allowed scopes");
    }

    internal static string Describe(AgentToken token) =>
        $"client '{token.Client.ClientId}' ({MethodName(token.Client.Method)}), token type {token.Response.TokenType ?? "(not stated)"}, expires_in {token.Response.ExpiresIn?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(not stated)"}, scope {token.Response.Scope ?? "(not stated)"}, {(JwtReader.IsJwt(token.Value) ? "JWT" : "opaque")}";

    // The registered name (RFC 7591), as the issuer's metadata spells it.
    private static string MethodName(ClientAuthenticationMethod method) => method switch
    {
        ClientAuthenticationMethod.ClientSecretBasic => "client_secret_basic",
        ClientAuthenticationMethod.ClientSecretPost => "client_secret_post",
        ClientAuthenticationMethod.PrivateKeyJwt => "private_key_jwt",
        ClientAuthenticationMethod.TlsClientAuth => "tls_client_auth",
        _ => "none",
    };

    // One note per token that holds, one failure line per token that does not.
    private void Conclude(IReadOnlyList<(AgentToken Token, CheckOutcome Outcome)> outcomes, string summary)
    {
        foreach (var (token, outcome) in outcomes.Where(o => o.Outcome.Holds))
        {
            tokens.Deployment.Note(AgentTokenContext.Whose(token), outcome.Message);
        }

        ControlFailedException.ThrowIfAny(
            [.. outcomes.Where(o => !o.Outcome.Holds).Select(o => $"agent '{o.Token.Agent.Name}': {o.Outcome.Message}")],
            summary);
    }
}
