using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM021: Sensitive tools called with a token that outlives the task.</summary>
public sealed class LongLivedTokenForSensitiveToolsRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM021",
        Title: "Sensitive tools called with a token that outlives the task",
        Layers: [MaestroLayer.L3, MaestroLayer.L6],
        Controls: ["ASI03", "ASI02", "NHI7"],
        Likelihood: 3,
        Impact: 5,
        Mitigation: "Exchange for a token scoped to the one sensitive tool call, valid for minutes.",
        DetectionLogic: "A flow carrying a tool that changes state whose credential lifetime is above 900 s or not stated.",
        FalsePositives: "Tools whose server re-checks each call against fresh policy.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from flow in model.Model.Flows
        let sensitive = model.ToolsOn(flow).Where(t => t.Sensitivity.ChangesState()).Select(t => t.Id).ToList()
        where sensitive.Count > 0 && ElementFacts.OutlivesTask(flow.CredentialLifetimeSeconds)
        select new RuleMatch(flow.Id, $"{string.Join(", ", sensitive)} are called with a credential valid for {(flow.CredentialLifetimeSeconds is { } s ? $"{s} s" : "an unstated time")}");
}
