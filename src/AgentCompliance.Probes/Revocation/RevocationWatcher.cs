using System.Diagnostics;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.OAuth;

namespace AgentCompliance.Probes.Revocation;

/// <summary>
/// Measures revocation speed: after a token was revoked, polls the issuer's introspection endpoint (until it says
/// <c>active: false</c>) and a protected resource (until it answers 401/403) until both reject the token or the limit
/// passes. Polls are not recorded one by one (that would bury the evidence); the final answer of each channel is.
/// </summary>
public sealed class RevocationWatcher(ProbeHttpClient http)
{
    /// <summary>Time between polls.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <param name="targets">The token and where to watch it.</param>
    /// <param name="revokedAt">A <see cref="Stopwatch.GetTimestamp"/> taken when the revocation was accepted.</param>
    /// <param name="limit">How long after revocation to keep watching.</param>
    /// <param name="cancellationToken">Stops the watch.</param>
    /// <exception cref="ProbeFailedException">A channel became unreachable.</exception>
    public async Task<IReadOnlyList<RevocationObservation>> WatchAsync(RevocationWatchTargets targets, long revokedAt, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        using var quiet = new ProbeHttpClient(http.Options, evidence: null, http.Redactor);
        var channels = new List<Channel>();
        if (targets.IntrospectionEndpoint is { } endpoint && targets.Client is { } client)
        {
            channels.Add(new Channel($"introspection at {TransportRules.Endpoint(endpoint)}", async (h, ct) =>
            {
                var result = await new IntrospectionClient(h).IntrospectAsync(endpoint, client, targets.Token, ct).ConfigureAwait(false);
                return result.Error is { } error ? (false, $"answered {error}", true)
                    : result.Active ? (false, "active: true", false)
                    : (true, "active: false", false);
            }));
        }

        if (targets.ProtectedResource is { } resource)
        {
            channels.Add(new Channel($"the protected resource {TransportRules.Endpoint(resource)}", async (h, ct) =>
            {
                var answer = await new ProtectedResourceProbe(h).CallAsync(resource, targets.Token, ct).ConfigureAwait(false);
                return (answer.Rejected, answer.ToString(), false);
            }));
        }

        while (true)
        {
            foreach (var channel in channels.Where(c => c.RejectedAfter is null && !c.CannotTell))
            {
                var (rejected, answer, cannotTell) = await channel.Ask(quiet, cancellationToken).ConfigureAwait(false);
                channel.LastAnswer = answer;
                channel.CannotTell = cannotTell;
                if (rejected)
                {
                    channel.RejectedAfter = Stopwatch.GetElapsedTime(revokedAt);
                }
            }

            if (channels.All(c => c.RejectedAfter is not null || c.CannotTell) || Stopwatch.GetElapsedTime(revokedAt) >= limit)
            {
                break;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }

        // One recorded exchange per channel, so the evidence shows each channel's final answer as it was sent.
        foreach (var channel in channels)
        {
            var (_, answer, _) = await channel.Ask(http, cancellationToken).ConfigureAwait(false);
            channel.LastAnswer = answer;
        }

        return [.. channels.Select(c => new RevocationObservation(c.Name, c.RejectedAfter, c.LastAnswer, c.CannotTell))];
    }

    private sealed class Channel(string name, Func<ProbeHttpClient, CancellationToken, Task<(bool Rejected, string Answer, bool CannotTell)>> ask)
    {
        public string Name { get; } = name;

        public Func<ProbeHttpClient, CancellationToken, Task<(bool Rejected, string Answer, bool CannotTell)>> Ask { get; } = ask;

        public TimeSpan? RejectedAfter { get; set; }

        public string LastAnswer { get; set; } = "not asked";

        public bool CannotTell { get; set; }
    }
}
