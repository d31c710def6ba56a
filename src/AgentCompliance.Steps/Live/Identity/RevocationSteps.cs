using System.Diagnostics;
using System.Globalization;
using AgentCompliance.Probes.OAuth;
using AgentCompliance.Probes.Revocation;
using Reqnroll;

namespace AgentCompliance.Steps.Live.Identity;

/// <summary>
/// Revocation speed: an agent's token is revoked at the issuer (RFC 7009) and must then be rejected quickly, both by
/// the issuer's introspection endpoint (RFC 7662) and by the protected resource it was issued for — the agent's
/// <c>resource</c> in the profile, when that URL accepted the token before revocation. An issuer that cannot revoke
/// (no revocation endpoint, or stateless JWTs it refuses to revoke) fails the control with that reason.
/// </summary>
[Binding]
public sealed class RevocationSteps(AgentTokenContext tokens, RevocationObserver observer)
{
    /// <summary>
    /// Each token obtained in the scenario is first shown to be accepted (introspection says active; the agent's
    /// resource answers 2xx), then revoked as the agent that holds it.
    /// </summary>
    /// <example>When the access token is revoked</example>
    [When("the access token(s) is/are revoked")]
    public async Task WhenTheAccessTokensAreRevoked()
    {
        var deployment = tokens.Deployment;
        var revocationEndpoint = await deployment.RevocationEndpointAsync().ConfigureAwait(false);
        var introspectionEndpoint = await deployment.IntrospectionEndpointAsync().ConfigureAwait(false);
        var violations = new List<string>();
        foreach (var token in tokens.RequireTokens())
        {
            var whose = AgentTokenContext.Whose(token);
            var accepting = await observer.BaselineAsync(token, introspectionEndpoint).ConfigureAwait(false);
            if (revocationEndpoint is null)
            {
                violations.Add($"{whose} cannot be revoked: the issuer offers no revocation endpoint (RFC 7009), so a leaked token stays valid until it expires{ExpiresIn(token)}");
                continue;
            }

            var error = await new RevocationClient(deployment.Http).RevokeAsync(revocationEndpoint, token.Client, token.Value).ConfigureAwait(false);
            if (error is not null)
            {
                violations.Add(error.Code == "unsupported_token_type"
                    ? $"{whose} cannot be revoked: the revocation endpoint answered {error}; such tokens (typically stateless JWTs) stay valid until they expire{ExpiresIn(token)}"
                    : $"{whose} could not be revoked: the revocation endpoint answered {error}");
                continue;
            }

            tokens.Revoked.Add((token, Stopwatch.GetTimestamp(), accepting));
        }

        ControlFailedException.ThrowIfAny(violations, "access tokens that cannot be revoked");
    }

    /// <summary>
    /// After revocation, each revoked token is rejected within the bound by the introspection endpoint (<c>active:
    /// false</c>) and by the agent's resource (401/403) if it accepted the token before. The measured times are
    /// evidence; a channel still accepting the token at the bound fails the control.
    /// </summary>
    /// <param name="seconds">How long after revocation every channel must reject the token.</param>
    /// <example>Then the token is rejected within 5 seconds</example>
    [Then("the token(s) is/are rejected within {int} seconds")]
    public async Task ThenTheTokensAreRejectedWithinSeconds(int seconds)
    {
        if (tokens.Revoked.Count == 0)
        {
            throw new InvalidOperationException("no token was revoked in this scenario: use 'When the access token is revoked' first");
        }

        var introspection = await tokens.Deployment.IntrospectionEndpointAsync().ConfigureAwait(false);
        var watches = tokens.Revoked.Select(revoked => observer.WatchAsync(
            AgentTokenContext.Whose(revoked.Token),
            new RevocationWatchTargets
            {
                Token = revoked.Token.Value,
                IntrospectionEndpoint = introspection,
                Client = revoked.Token.Client,
                ProtectedResource = revoked.AcceptingResource,
            },
            revoked.RevokedAt,
            TimeSpan.FromSeconds(seconds)));
        var violations = (await Task.WhenAll(watches).ConfigureAwait(false)).SelectMany(v => v).ToList();
        ControlFailedException.ThrowIfAny(violations, $"revoked tokens still accepted after {seconds} s");
    }

    private static string ExpiresIn(AgentToken token) =>
        token.Response.ExpiresIn is { } seconds ? $" ({seconds.ToString(CultureInfo.InvariantCulture)} s)" : string.Empty;

}
