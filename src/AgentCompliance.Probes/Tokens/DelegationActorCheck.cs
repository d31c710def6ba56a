namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// A delegated token (RFC 8693 token exchange) keeps the person as subject and names the agent as actor (<c>act</c>):
/// resource servers and audit trails then see both who approved and who acted. A token without <c>act</c> is
/// impersonation: the agent becomes indistinguishable from the person.
/// </summary>
public static class DelegationActorCheck
{
    /// <param name="delegated">Claims of the exchanged token.</param>
    /// <param name="humanSubject">The person's subject (from their token).</param>
    /// <param name="agentIdentifiers">What may name the agent: its client id and the subject of its own tokens.</param>
    public static CheckOutcome Check(AccessTokenClaims delegated, string humanSubject, IReadOnlyCollection<string> agentIdentifiers)
    {
        ArgumentNullException.ThrowIfNull(delegated);
        ArgumentNullException.ThrowIfNull(agentIdentifiers);
        var violations = new List<string>();
        if (!string.Equals(delegated.Subject, humanSubject, StringComparison.Ordinal))
        {
            violations.Add($"its subject is '{delegated.Subject ?? "(none)"}', not the person '{humanSubject}' who delegated");
        }

        if (!delegated.HasActor)
        {
            violations.Add("it has no 'act' claim, so the agent acts as the person (impersonation) and audit trails cannot tell them apart");
        }
        else if (delegated.ActorSubject is null || !agentIdentifiers.Contains(delegated.ActorSubject, StringComparer.Ordinal))
        {
            violations.Add($"its act.sub is '{delegated.ActorSubject ?? "(none)"}', not the agent ({string.Join(" or ", agentIdentifiers.Select(i => $"'{i}'"))})");
        }

        return violations.Count > 0
            ? CheckOutcome.Fail(string.Join("; ", violations))
            : CheckOutcome.Pass($"sub is the person '{humanSubject}' and act.sub names the agent '{delegated.ActorSubject}'");
    }
}
