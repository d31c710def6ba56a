using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM042: Confidential data sent to a third-party model provider.</summary>
public sealed class SensitiveDataToModelProviderRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM042",
        Title: "Confidential data sent to a third-party model provider",
        Layers: [MaestroLayer.L1, MaestroLayer.L2],
        Controls: ["LLM02", "ASI04", "MAESTRO-L1:Membership Inference Attacks", "MAESTRO-XL:Data Leakage"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Redact or minimise prompts, use a provider with no-retention terms, or host the model inside the boundary.",
        DetectionLogic: "A flow marked confidential or restricted to an external service of kind model-provider.",
        FalsePositives: "Providers contractually barred from retaining or training on the data.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where flow.DataClassification.IsSensitive() && model.Find<ExternalServiceElement>(flow.To)?.Kind == ExternalServiceKind.ModelProvider
        select new RuleMatch(flow.Id, $"{flow.DataClassification} data is sent to model provider {flow.To}");
}
