using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Evidence;
using AgentCompliance.ThreatModel.Tracking;

namespace AgentCompliance.ThreatModel.Modeling;

/// <summary>
/// One generated threat: a rule that fired on an element or flow, joined with the run's control evidence. Its
/// <see cref="Id"/> is stable across runs: <c>rule@element</c> or <c>rule@flow</c>.
/// </summary>
public sealed record Threat(
    string Id,
    string RuleId,
    string Title,
    string TargetId,
    string TargetKind,
    string Reason,
    IReadOnlyList<MaestroLayer> Layers,
    IReadOnlyList<string> Boundaries,
    int Likelihood,
    int Impact,
    int ResidualLikelihood,
    string Mitigation,
    IReadOnlyList<ControlEvidence> Controls,
    ThreatStatus Status)
{
    public int InherentRisk => Likelihood * Impact;

    public int ResidualRisk => ResidualLikelihood * Impact;

    public string ResidualLevel => RiskScore.Level(ResidualRisk);

    public bool IsCrossLayer => Layers.Count > 1;

    /// <summary>The owners' decision from the risk tracking file, if any.</summary>
    public TrackedRisk? Tracking { get; init; }
}
