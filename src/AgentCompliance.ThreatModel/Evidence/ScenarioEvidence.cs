using AgentCompliance.Core.Results;

namespace AgentCompliance.ThreatModel.Evidence;

/// <summary>One scenario that tested a control, with the evidence its steps attached (already redacted by the run).</summary>
public sealed record ScenarioEvidence(
    string ScenarioId,
    string Name,
    string FeatureFile,
    int Line,
    ResultStatus Status,
    string? ErrorMessage,
    IReadOnlyList<EvidenceItem> Evidence);
