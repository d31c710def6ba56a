namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// A delegated token is narrower than the person's token it came from: its scopes and audiences are a subset, and at
/// least one of them strictly smaller, so the agent gets the task's rights and not the person's whole session.
/// </summary>
public static class DelegationNarrowingCheck
{
    /// <param name="delegated">Claims of the exchanged token.</param>
    /// <param name="delegatedResponseScope">The <c>scope</c> of the exchange response (used when the token states none).</param>
    /// <param name="subject">Claims of the person's token.</param>
    public static CheckOutcome Check(AccessTokenClaims delegated, string? delegatedResponseScope, AccessTokenClaims subject)
    {
        ArgumentNullException.ThrowIfNull(delegated);
        ArgumentNullException.ThrowIfNull(subject);
        var delegatedScopes = (delegated.Scopes ?? delegatedResponseScope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []).ToHashSet(StringComparer.Ordinal);
        var subjectScopes = (subject.Scopes ?? []).ToHashSet(StringComparer.Ordinal);
        var delegatedAudiences = delegated.Audiences.ToHashSet(StringComparer.Ordinal);
        var subjectAudiences = subject.Audiences.ToHashSet(StringComparer.Ordinal);
        var violations = new List<string>();
        if (delegatedScopes.Except(subjectScopes).ToList() is { Count: > 0 } widerScopes)
        {
            violations.Add($"it grants {string.Join(", ", widerScopes)}, which the person's token does not");
        }

        if (delegatedAudiences.Count == 0)
        {
            violations.Add("it has no audience, so every API accepts it");
        }
        else if (delegatedAudiences.Except(subjectAudiences).ToList() is { Count: > 0 } widerAudiences)
        {
            violations.Add($"it is meant for {string.Join(", ", widerAudiences)}, which the person's token is not");
        }

        var narrower = delegatedScopes.IsProperSubsetOf(subjectScopes) || delegatedAudiences.IsProperSubsetOf(subjectAudiences);
        if (violations.Count == 0 && !narrower)
        {
            violations.Add($"it has the same scopes [{string.Join(" ", delegatedScopes)}] and audiences [{string.Join(", ", delegatedAudiences)}] as the person's token, so the agent holds the person's full rights");
        }

        return violations.Count > 0
            ? CheckOutcome.Fail(string.Join("; ", violations))
            : CheckOutcome.Pass($"scopes [{string.Join(" ", delegatedScopes)}] ⊆ [{string.Join(" ", subjectScopes)}], audiences [{string.Join(", ", delegatedAudiences)}] ⊆ [{string.Join(", ", subjectAudiences)}], strictly narrower");
    }
}
