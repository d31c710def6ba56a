using AgentCompliance.Core.Results;
using AgentCompliance.Probes.OAuth;
using Microsoft.IdentityModel.JsonWebTokens;
using Reqnroll;

namespace AgentCompliance.Steps.Live;

/// <summary>
/// Obtaining an agent's access token from the profile's token endpoint (client_credentials with the agent's
/// authentication method, scopes and resource). The exchange is bounded and recorded as redacted evidence; a JWT
/// access token's decoded claims are recorded too, the token itself never.
/// </summary>
[Binding]
public sealed class AccessTokenSteps(DeploymentContext deployment)
{
    /// <summary>
    /// The agent obtains an access token with client_credentials at <c>target.identityProvider.tokenEndpoint</c>. An
    /// OAuth error, an unreachable or slow endpoint, or an answer without a token fails the step naming the endpoint.
    /// </summary>
    /// <param name="agentName">The agent's name in the profile.</param>
    /// <example>Then agent "planner" obtains an access token with client credentials</example>
    [Then("agent {string} obtains an access token with client credentials")]
    public async Task ThenAgentObtainsAnAccessTokenWithClientCredentials(string agentName)
    {
        TokenResponse token;
        try
        {
            token = await deployment.AcquireAccessTokenAsync(agentName).ConfigureAwait(false);
        }
        catch (TokenEndpointException e)
        {
            throw new ControlFailedException($"agent '{agentName}' was refused a token by {deployment.TokenEndpoint}: {e.Message}");
        }

        deployment.RegisterSecret(token.AccessToken);
        var handler = new JsonWebTokenHandler();
        var claims = handler.CanReadToken(token.AccessToken)
            ? string.Join(Environment.NewLine, handler.ReadJsonWebToken(token.AccessToken).Claims.Select(c => $"{c.Type}: {c.Value}"))
            : "(an opaque token: no claims to decode)";
        deployment.Evidence.Add(new EvidenceItem("claims", $"access token of agent '{agentName}' ({token.TokenType ?? "no token_type"}, expires_in {token.ExpiresIn?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not stated"})", deployment.Redactor.Redact(claims)));
    }
}
