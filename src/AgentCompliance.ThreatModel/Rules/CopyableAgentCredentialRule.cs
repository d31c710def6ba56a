using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM050: Agent proves its identity with a copyable secret.</summary>
public sealed class CopyableAgentCredentialRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM050",
        Title: "Agent proves its identity with a copyable secret",
        Layers: [MaestroLayer.L6, MaestroLayer.L7],
        Controls: ["NHI4", "ASI03", "MAESTRO-L7:Agent Impersonation"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Authenticate agents with private_key_jwt, certificates or SPIFFE SVIDs, which cannot be replayed from a copy.",
        DetectionLogic: "An identity used by an agent whose credentialType is client-secret, api-key or password.",
        FalsePositives: "Secrets held in a hardware-backed store and never exported.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from identity in model.Model.Identities
        where identity.UsedBy.Any(model.IsAgent) && identity.CredentialType.IsCopyableSecret()
        select new RuleMatch(identity.Id, $"'{identity.Name}' authenticates with a {identity.CredentialType}: whoever copies it can impersonate the agent");
}
