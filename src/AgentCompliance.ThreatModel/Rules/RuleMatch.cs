namespace AgentCompliance.ThreatModel.Rules;

/// <summary>Where a rule fired and why, in words an assessor can check against the model.</summary>
/// <param name="ElementId">The element or flow the threat is attached to; the threat id is <c>rule@ElementId</c>.</param>
/// <param name="Reason">The model facts that made the rule fire.</param>
public sealed record RuleMatch(string ElementId, string Reason);
