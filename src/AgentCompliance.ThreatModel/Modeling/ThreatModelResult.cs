using AgentCompliance.Core.Results;
using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Evidence;
using AgentCompliance.ThreatModel.Rules;

namespace AgentCompliance.ThreatModel.Modeling;

/// <summary>The threat model of one system: the model, the rules run, the threats found and every control's status.</summary>
public sealed record ThreatModelResult(
    SystemModel System,
    ModelView View,
    IReadOnlyList<ThreatRuleMetadata> Rules,
    IReadOnlyList<Threat> Threats,
    ControlStatusIndex Controls)
{
    /// <summary>The run whose results were joined, or null when the model was built without one.</summary>
    public RunResult? Run { get; init; }

    public DateTimeOffset GeneratedAt { get; init; }
}
