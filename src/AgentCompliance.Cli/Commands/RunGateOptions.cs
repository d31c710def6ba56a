using AgentCompliance.Core.Configuration;

namespace AgentCompliance.Cli.Commands;

/// <summary>Command-line overrides of the profile's gate policy; null means "as the profile says".</summary>
/// <param name="WaiversPath">Waiver file (<c>--waivers</c>), replacing the profile's <c>waivers</c>.</param>
/// <param name="BaselinePath">results.json of an earlier run (<c>--baseline</c>), replacing the profile's <c>baseline</c>.</param>
/// <param name="FailOn">Which failures count (<c>--fail-on all|new</c>).</param>
/// <param name="FailOnSeverity">Least severity that fails (<c>--fail-on-severity</c>).</param>
public sealed record RunGateOptions(
    string? WaiversPath = null,
    string? BaselinePath = null,
    GateFailOn? FailOn = null,
    SeverityThreshold? FailOnSeverity = null);
