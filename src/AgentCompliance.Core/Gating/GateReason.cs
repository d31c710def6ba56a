namespace AgentCompliance.Core.Gating;

/// <summary>One reason the gate failed, as a line a CI log reader acts on.</summary>
/// <param name="Kind">The gate rule that fired.</param>
/// <param name="Message">What failed, naming the scenario, control, framework or waiver (file:line).</param>
public sealed record GateReason(GateReasonKind Kind, string Message)
{
    /// <summary>
    /// IDs (<see cref="Results.ScenarioResult.Id"/>) of the scenarios this reason blames, so CI annotations and job
    /// summaries can mark exactly the scenarios that fail the gate; empty for run-wide reasons (pass rate, untested control).
    /// </summary>
    public IReadOnlyList<string> ScenarioIds { get; init; } = [];

    // A record compares lists by reference; two reasons that blame the same scenarios are the same reason.
    public bool Equals(GateReason? other) =>
        other is not null && Kind == other.Kind && string.Equals(Message, other.Message, StringComparison.Ordinal)
        && ScenarioIds.SequenceEqual(other.ScenarioIds, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, Message, ScenarioIds.Count);
}
