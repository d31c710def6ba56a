using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM023: Copyable secrets and no secret store.</summary>
public sealed class SecretWithoutSecretStoreRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM023",
        Title: "Copyable secrets and no secret store",
        Layers: [MaestroLayer.L6],
        Controls: ["NHI2", "ASI06", "LLM02"],
        Likelihood: 3,
        Impact: 4,
        Mitigation: "Keep secrets in a secret store and inject them at run time; never in code, configuration or prompts.",
        DetectionLogic: "A non-human identity with a client secret, API key or password while the model has no secret-store service.",
        FalsePositives: "A secret store that exists but is not drawn in the model.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from identity in model.Model.Identities
        where identity.Kind != IdentityKind.Human && identity.CredentialType.IsCopyableSecret() && !model.HasService(ServiceKind.SecretStore)
        select new RuleMatch(identity.Id, $"'{identity.Name}' is a {identity.CredentialType} and the model has no secret store: it is likely kept in configuration or code");
}
