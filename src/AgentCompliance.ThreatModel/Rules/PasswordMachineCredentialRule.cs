using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM010: Machine identity authenticates with a password.</summary>
public sealed class PasswordMachineCredentialRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM010",
        Title: "Machine identity authenticates with a password",
        Layers: [MaestroLayer.L6],
        Controls: ["NHI4", "NHI2"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Use a key-based or federated credential for machine identities; passwords are for people.",
        DetectionLogic: "A workload or service-account identity whose credentialType is password.",
        FalsePositives: "Legacy systems that accept nothing else, isolated and monitored.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from identity in model.Model.Identities
        where identity.Kind is IdentityKind.Workload or IdentityKind.ServiceAccount && identity.CredentialType == CredentialType.Password
        select new RuleMatch(identity.Id, $"machine identity '{identity.Name}' authenticates with a password");
}
