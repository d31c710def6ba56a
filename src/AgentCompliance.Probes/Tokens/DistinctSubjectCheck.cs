namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// Every agent's tokens name a subject of their own (OWASP NHI9, NHI reuse): when two agents share an identity,
/// revoking one stops both and the audit trail cannot tell which acted.
/// </summary>
public static class DistinctSubjectCheck
{
    /// <param name="subjects">Each agent's name and the subject its token carries (<c>sub</c>, else <c>client_id</c>; null when neither).</param>
    public static CheckOutcome Check(IReadOnlyDictionary<string, string?> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var violations = new List<string>();
        violations.AddRange(subjects.Where(s => s.Value is null).Select(s => $"the token of agent '{s.Key}' names no subject (no 'sub' or 'client_id')"));
        violations.AddRange(subjects
            .Where(s => s.Value is not null)
            .GroupBy(s => s.Value!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"agents {string.Join(" and ", g.Select(s => $"'{s.Key}'"))} all receive tokens with the subject '{g.Key}'"));
        return violations.Count > 0
            ? CheckOutcome.Fail(string.Join("; ", violations))
            : CheckOutcome.Pass($"{subjects.Count} agent(s), {subjects.Count} distinct subject(s): {string.Join(", ", subjects.Select(s => $"{s.Key} → {s.Value}"))}");
    }
}
