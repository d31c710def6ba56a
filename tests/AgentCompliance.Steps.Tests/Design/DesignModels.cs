using AgentCompliance.Core.SystemModels;

namespace AgentCompliance.Steps.Tests.Design;

/// <summary>
/// System models for the design-review tests: the bundled sample (with its documented weak spots) and a hardened
/// variant in which every design control holds.
/// </summary>
internal static class DesignModels
{
    public static SystemModel Sample() =>
        SystemModelLoader.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "reference-platform.yaml"));

    public static SystemModel Hardened() => SystemModelLoader.LoadFromText(HardenedYaml, "hardened.yaml");

    private const string HardenedYaml = """
        version: 1
        name: hardened
        agents:
          - { id: planner, name: Planner, tools: [search] }
          - { id: payer, name: Payer, tools: [pay] }
        humans:
          - { id: approver, name: Approver }
        identities:
          - { id: planner-id, name: planner, kind: workload, usedBy: [planner], issuedBy: idp, credentialType: private-key-jwt, credentialLifetimeSeconds: 300 }
          - { id: payer-id, name: payer, kind: workload, usedBy: [payer], issuedBy: idp, credentialType: private-key-jwt, credentialLifetimeSeconds: 300 }
          - { id: approver-id, name: approver, kind: human, usedBy: [approver], issuedBy: idp, credentialType: password }
        services:
          - { id: idp, name: Token service, kind: identity-provider }
          - { id: tools, name: MCP server, kind: mcp-server }
        tools:
          - { id: search, name: search, server: tools, sensitivity: read }
          - { id: pay, name: pay, server: tools, sensitivity: financial, requiresHumanApproval: true }
        externalServices:
          - { id: bank, name: Bank API, kind: saas, canBeIsolated: true }
        trustBoundaries:
          - { id: runtime, name: Agent runtime, kind: process, contains: [planner, payer] }
          - { id: platform, name: Platform, kind: network, contains: [runtime, idp, tools, search, pay] }
        flows:
          - id: planner-search
            from: planner
            to: search
            protocol: https
            authentication: oauth2
            authorization: policy-at-request-time
            logging: central-audit
            identity: planner-id
          - id: payer-pay
            from: payer
            to: pay
            protocol: https
            authentication: oauth2-token-exchange
            authorization: policy-at-request-time
            logging: central-audit
            identity: payer-id
            reevaluatesAfterSensitiveActions: true
        """;
}
