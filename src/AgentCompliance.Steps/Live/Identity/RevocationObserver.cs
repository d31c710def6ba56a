using System.Globalization;
using AgentCompliance.Probes.OAuth;
using AgentCompliance.Probes.Revocation;
using AgentCompliance.Probes.Tokens;

namespace AgentCompliance.Steps.Live.Identity;

/// <summary>
/// What the revocation and delegation steps share: proving a fresh token is accepted before it is revoked, and
/// watching a revoked token until the issuer and the resource reject it. Created per scenario by context injection.
/// </summary>
public sealed class RevocationObserver(AgentTokenContext tokens)
{
    /// <summary>Watches one revoked token and returns what did not reject it in time; the timings become a note.</summary>
    public async Task<List<string>> WatchAsync(string whose, RevocationWatchTargets targets, long revokedAt, TimeSpan limit)
    {
        if (targets.IntrospectionEndpoint is null && targets.ProtectedResource is null)
        {
            return [$"{whose}: nothing can show whether it still works (the issuer has no introspection endpoint and no resource accepted the token before revocation)"];
        }

        var observations = await new RevocationWatcher(tokens.Deployment.Http).WatchAsync(targets, revokedAt, limit).ConfigureAwait(false);
        tokens.Deployment.Note(
            $"revocation of {whose}",
            string.Join(Environment.NewLine, observations.Select(o =>
                $"{o.Channel}: {(o.RejectedAfter is { } after ? $"rejected after {Milliseconds(after)} ms" : $"not rejected within {Milliseconds(limit)} ms")} (last answer: {o.LastAnswer})")));
        return
        [
            .. observations.Where(o => o.RejectedAfter is null || o.RejectedAfter > limit).Select(o => o.CannotTell
                ? $"{whose}: {o.Channel} cannot tell whether it was revoked ({o.LastAnswer})"
                : $"{whose}: {o.Channel} still accepted it {Milliseconds(limit)} ms after revocation ({o.LastAnswer})"),
        ];
    }

    /// <summary>
    /// Shows the fresh token is accepted before revoking it, so a later rejection means something: introspection must
    /// say active; the agent's resource is watched only if it answers 2xx (else a note says why it is not).
    /// </summary>
    public async Task<Uri?> BaselineAsync(AgentToken token, Uri? introspectionEndpoint)
    {
        var whose = AgentTokenContext.Whose(token);
        var deployment = tokens.Deployment;
        if (introspectionEndpoint is not null && !JwtReader.IsJwt(token.Value))
        {
            // Opaque tokens were introspected for their claims already; JWTs are asked below.
            await tokens.ClaimsAsync(token).ConfigureAwait(false);
        }
        else if (introspectionEndpoint is not null)
        {
            var result = await new IntrospectionClient(deployment.Http).IntrospectAsync(introspectionEndpoint, token.Client, token.Value).ConfigureAwait(false);
            if (result is { Active: false, Error: null })
            {
                throw new ControlFailedException($"{whose} was just issued, yet introspection says it is not active, so revocation cannot be observed");
            }
        }

        if (token.Agent.Resource is not { } resource)
        {
            deployment.Note($"resource for {whose}", $"agent '{token.Agent.Name}' names no resource in the profile; only introspection is watched");
            return null;
        }

        var answer = await new ProtectedResourceProbe(deployment.Http).CallAsync(resource, token.Value).ConfigureAwait(false);
        if (!answer.Accepted)
        {
            deployment.Note($"resource for {whose}", $"{resource} {answer} the fresh token, so it cannot show revocation; only introspection is watched");
            return null;
        }

        return resource;
    }

    private static string Milliseconds(TimeSpan span) => Math.Round(span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
