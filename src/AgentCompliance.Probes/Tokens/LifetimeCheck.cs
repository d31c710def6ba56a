using System.Globalization;

namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// A token lives at most the bound (<c>exp − iat</c>): a just-in-time credential that leaks is useless soon. A token
/// without <c>exp</c> never expires; without <c>iat</c> the lifetime is measured from when the probe received it.
/// </summary>
public static class LifetimeCheck
{
    public static CheckOutcome Check(AccessTokenClaims claims, TimeSpan maximum, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.ExpiresAt is not { } expires)
        {
            return CheckOutcome.Fail($"the token states no expiry ('exp' missing from its {claims.Source}): it is valid until revoked");
        }

        var (start, from) = claims.IssuedAt is { } issued ? (issued, "iat") : (receivedAt, "receipt ('iat' missing)");
        var lifetime = expires - start;
        var text = $"lives {Seconds(lifetime)} s (exp − {from})";
        return lifetime <= maximum
            ? CheckOutcome.Pass($"{text}, within {Seconds(maximum)} s")
            : CheckOutcome.Fail($"{text}, more than {Seconds(maximum)} s");
    }

    private static string Seconds(TimeSpan span) => Math.Round(span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
