namespace AgentCompliance.Core.Gating;

/// <summary>One reason the gate failed, as a line a CI log reader acts on.</summary>
/// <param name="Kind">The gate rule that fired.</param>
/// <param name="Message">What failed, naming the scenario, control, framework or waiver (file:line).</param>
public sealed record GateReason(GateReasonKind Kind, string Message);
