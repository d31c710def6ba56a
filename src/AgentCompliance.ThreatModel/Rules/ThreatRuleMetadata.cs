using AgentCompliance.Core.SystemModels;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>What a threat rule looks for and what it means; everything a reviewer needs without reading the code.</summary>
/// <param name="Id">Stable rule id, e.g. <c>TM001</c>; threats it generates are <c>TM001@element-id</c>.</param>
/// <param name="Title">One line naming the threat.</param>
/// <param name="Layers">The MAESTRO layers the threat lives in; more than one marks a cross-layer threat.</param>
/// <param name="Controls">Catalog control IDs (ASI, NHI, MAESTRO, LLM, NIST AI RMF) whose scenarios mitigate or detect it.</param>
/// <param name="Likelihood">1 (rare) to 5 (almost certain) when the weakness is present.</param>
/// <param name="Impact">1 (negligible) to 5 (severe).</param>
/// <param name="Mitigation">What removes the weakness.</param>
/// <param name="DetectionLogic">Which model facts make the rule fire.</param>
/// <param name="FalsePositives">When it fires although there is no real weakness.</param>
public sealed record ThreatRuleMetadata(
    string Id,
    string Title,
    IReadOnlyList<MaestroLayer> Layers,
    IReadOnlyList<string> Controls,
    int Likelihood,
    int Impact,
    string Mitigation,
    string DetectionLogic,
    string FalsePositives)
{
    /// <summary>True when the threat spans several MAESTRO layers (MAESTRO's cross-layer threats).</summary>
    public bool IsCrossLayer => Layers.Count > 1;
}
