using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM043: Agents whose foundation model is not in the model.</summary>
public sealed class FoundationModelNotModelledRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM043",
        Title: "Agents whose foundation model is not in the model",
        Layers: [MaestroLayer.L1],
        Controls: ["MAESTRO-L1", "MAP 4.1", "GOVERN 6.1"],
        Likelihood: 2,
        Impact: 3,
        Mitigation: "Add the model endpoint or provider the agents use, so the L1 threats (poisoning, extraction, DoS) are assessed.",
        DetectionLogic: "A model with agents but no model-endpoint service and no model-provider external service.",
        FalsePositives: "Agents that use no model at all (rule-based automations).");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        model.Model.Agents.Count > 0 && !model.HasService(ServiceKind.ModelEndpoint) && !model.Model.ExternalServices.Any(e => e.Kind == ExternalServiceKind.ModelProvider)
            ? [new RuleMatch(model.SystemId, "no model endpoint or model provider is modelled: the foundation-model layer (L1) is unassessed")]
            : [];
}
