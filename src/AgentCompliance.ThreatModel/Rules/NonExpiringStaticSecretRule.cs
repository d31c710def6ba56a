using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM006: Static secret that never expires.</summary>
public sealed class NonExpiringStaticSecretRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM006",
        Title: "Static secret that never expires",
        Layers: [MaestroLayer.L6],
        Controls: ["NHI7", "NHI2"],
        Likelihood: 4,
        Impact: 4,
        Mitigation: "Replace the static secret with a short-lived credential, or at least give it an expiry and rotate it automatically.",
        DetectionLogic: "A non-human identity authenticating with a client secret, API key or password that has neither a credential lifetime nor a rotation period.",
        FalsePositives: "Secrets rotated by an external process that the model does not describe.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from identity in model.Model.Identities
        where identity.Kind != IdentityKind.Human && identity.CredentialType.IsCopyableSecret() && identity.CredentialLifetimeSeconds is null && identity.RotationDays is null
        select new RuleMatch(identity.Id, $"'{identity.Name}' uses a {identity.CredentialType} with no lifetime and no rotation: once leaked it works forever");
}
