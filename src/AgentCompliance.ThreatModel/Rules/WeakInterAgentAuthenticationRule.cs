using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM036: Agents talk to each other without strong mutual authentication.</summary>
public sealed class WeakInterAgentAuthenticationRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM036",
        Title: "Agents talk to each other without strong mutual authentication",
        Layers: [MaestroLayer.L3, MaestroLayer.L7],
        Controls: ["ASI07", "MAESTRO-L7:Agent Impersonation"],
        Likelihood: 4,
        Impact: 4,
        Mitigation: "Authenticate agent-to-agent calls with mTLS, SPIFFE or OAuth tokens per agent, and sign messages.",
        DetectionLogic: "A flow from one agent to another whose authentication is none, api-key, basic or session.",
        FalsePositives: "Agents in one process exchanging in-memory messages.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        where model.IsAgent(flow.From) && model.IsAgent(flow.To)
        where flow.Authentication.IsWeak() || flow.Authentication == FlowAuthentication.Session
        select new RuleMatch(flow.Id, $"agent {flow.From} calls agent {flow.To} with {flow.Authentication} authentication: a peer can be spoofed");
}
