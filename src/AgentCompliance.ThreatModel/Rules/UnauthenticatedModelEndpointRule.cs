using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM041: Foundation model endpoint reachable without authentication.</summary>
public sealed class UnauthenticatedModelEndpointRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM041",
        Title: "Foundation model endpoint reachable without authentication",
        Layers: [MaestroLayer.L1],
        Controls: ["LLM10", "MAESTRO-L1:Model Stealing", "MAESTRO-L1:Denial of Service (DoS) Attacks"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Authenticate and rate-limit every call to a model endpoint.",
        DetectionLogic: "A flow to a model-endpoint service or model-provider with weak authentication (none, api-key, basic).",
        FalsePositives: "Local models bound to loopback for development only.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where IsModel(model, flow.To) && flow.Authentication.IsWeak()
        select new RuleMatch(flow.Id, $"model {flow.To} is called with {flow.Authentication} authentication: it can be queried at will, extracted or exhausted");

    private static bool IsModel(ModelView model, string id) =>
        model.IsService(id, ServiceKind.ModelEndpoint) || model.Find<ExternalServiceElement>(id)?.Kind == ExternalServiceKind.ModelProvider;
}
