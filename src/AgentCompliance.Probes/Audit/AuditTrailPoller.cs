namespace AgentCompliance.Probes.Audit;

/// <summary>Reads a trail again and again until what is looked for has arrived or the time bound has passed.</summary>
public static class AuditTrailPoller
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(1);

    /// <summary>The first read that satisfies <paramref name="arrived"/>, or the last read once <paramref name="bound"/> has passed.</summary>
    public static async Task<AuditTrailSnapshot> ReadUntilAsync(
        IAuditTrail trail,
        AuditTrailMark? since,
        Func<AuditTrailSnapshot, bool> arrived,
        TimeSpan bound,
        TimeProvider? clock = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(arrived);
        clock ??= TimeProvider.System;
        var deadline = clock.GetUtcNow() + bound;
        var delay = FirstDelay;
        while (true)
        {
            var snapshot = await trail.ReadAsync(since, cancellationToken).ConfigureAwait(false);
            var remaining = deadline - clock.GetUtcNow();
            if (arrived(snapshot) || remaining <= TimeSpan.Zero)
            {
                return snapshot;
            }

            await Task.Delay(remaining < delay ? remaining : delay, clock, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 > LongestDelay ? LongestDelay : delay * 2;
        }
    }
}
