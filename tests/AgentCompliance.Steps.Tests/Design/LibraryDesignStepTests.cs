using AgentCompliance.Core.SystemModels;
using AgentCompliance.Steps.Design;

namespace AgentCompliance.Steps.Tests.Design;

/// <summary>
/// The design-review steps behind the memory, foundation-model, environment, resilience, inventory and
/// human-oversight controls: each passes on a well-run model, fails on a model with the weakness it looks for (naming
/// the offender), and never passes a model without agents.
/// </summary>
[TestFixture]
public sealed class LibraryDesignStepTests
{
    private static readonly (string Name, Action<SystemModelContext, RecordingOutputHelper> Step)[] Steps =
    [
        ("memory policy", (c, o) => new MemoryDesignSteps(c, o).ThenEveryMemoryFlowIsAuthorizedAtRequestTime()),
        ("foundation models", (c, o) => new FoundationModelDesignSteps(c, o).ThenTheFoundationModelsAreModelled()),
        ("tenant isolation", (c, o) => new EnvironmentIsolationDesignSteps(c, o).ThenNoIdentityIsUsedOnBothSidesOfATenantBoundary()),
        ("gateway choke point", (c, o) => new GatewayDesignSteps(c, o).ThenAgentsReachResourcesOnlyThroughTheGateway()),
        ("inventory", (c, o) => new InventoryDesignSteps(c, o).ThenEveryAgentIsInventoried()),
        ("orphaned identities", (c, o) => new InventoryDesignSteps(c, o).ThenNoIdentityIsOrphaned()),
        ("approver", (c, o) => new ApprovalDesignSteps(c, o).ThenApprovalToolsHaveAnApprover()),
    ];

    // What the bundled sample model fails on (its documented weak spots); the other steps pass on it.
    private static readonly Dictionary<string, string> SampleOffenders = new(StringComparer.Ordinal)
    {
        ["memory policy"] = "tools-read-knowledge-base",
        ["foundation models"] = "lists no foundation model",
        ["gateway choke point"] = "support-to-legacy-crm",
    };

    // One weakness planted in the well-run model per step, and what the failure must name.
    private static readonly Dictionary<string, (Func<SystemModel, SystemModel> Weaken, string Offender)> Weakened = new(StringComparer.Ordinal)
    {
        ["memory policy"] = (m => WithFlow(m, "memory-read", f => f with { Authorization = FlowAuthorization.Static }), "memory-read"),
        ["foundation models"] = (m => m with { Flows = [.. m.Flows.Where(f => f.To != "llm")] }, "'LLM endpoint' (llm)"),
        ["tenant isolation"] = (m => WithFlow(m, "planner-gateway", f => f with { Identity = "bank-key" }), "bank-key"),
        ["gateway choke point"] = (m => WithFlow(m, "planner-gateway", f => f with { To = "memory" }), "data store 'Agent memory' (memory)"),
        ["inventory"] = (m => m with { Agents = [.. m.Agents.Select(a => a.Id == "planner" ? a with { Tools = [] } : a)] }, "planner"),
        ["orphaned identities"] = (m => m with { Identities = [.. m.Identities, m.Identities[0] with { Id = "old-bot", UsedBy = [] }] }, "old-bot"),
        ["approver"] = (m => m with { Flows = [.. m.Flows.Where(f => f.From != "approver")] }, "pay"),
    };

    private static (SystemModelContext Context, RecordingOutputHelper Output) Given(SystemModel model)
    {
        var context = new SystemModelContext();
        context.Use(model);
        return (context, new RecordingOutputHelper());
    }

    private static Action<SystemModelContext, RecordingOutputHelper> StepNamed(string name) => Steps.Single(s => s.Name == name).Step;

    private static IEnumerable<TestCaseData> Names(string prefix) => Steps.Select(s => new TestCaseData(s.Name).SetName($"{prefix}: {s.Name}"));

    private static IEnumerable<TestCaseData> PassingNames() => Names("Well-run model passes");

    private static IEnumerable<TestCaseData> WeakenedNames() => Names("Planted weakness fails");

    private static IEnumerable<TestCaseData> SampleNames() => Names("Sample model");

    private static IEnumerable<TestCaseData> EmptyNames() => Names("Model without agents fails");

    [TestCaseSource(nameof(PassingNames))]
    public void Passes_on_a_well_run_model_and_records_evidence(string name)
    {
        var (context, output) = Given(WellRun());
        Assert.DoesNotThrow(() => StepNamed(name)(context, output));
        Assert.That(output.Lines, Is.Not.Empty, "a passing control records what it checked");
    }

    [TestCaseSource(nameof(WeakenedNames))]
    public void Fails_on_the_weakness_it_looks_for_naming_the_offender(string name)
    {
        var (weaken, offender) = Weakened[name];
        var (context, output) = Given(weaken(WellRun()));
        var failure = Assert.Throws<ControlFailedException>(() => StepNamed(name)(context, output))!;
        Assert.That(failure.Message, Does.Contain(offender));
    }

    [TestCaseSource(nameof(SampleNames))]
    public void Fails_on_the_sample_exactly_where_it_documents_a_weak_spot(string name)
    {
        var (context, output) = Given(DesignModels.Sample());
        if (SampleOffenders.TryGetValue(name, out var offender))
        {
            var failure = Assert.Throws<ControlFailedException>(() => StepNamed(name)(context, output))!;
            Assert.That(failure.Message, Does.Contain(offender));
        }
        else
        {
            Assert.DoesNotThrow(() => StepNamed(name)(context, output));
        }
    }

    [TestCaseSource(nameof(EmptyNames))]
    public void Fails_on_a_model_without_agents_instead_of_passing_vacuously(string name)
    {
        var (context, output) = Given(SystemModelLoader.LoadFromText("version: 1\nname: empty\n", "empty.yaml"));
        var failure = Assert.Throws<ControlFailedException>(() => StepNamed(name)(context, output))!;
        Assert.That(failure.Message, Does.Contain("lists no agents"));
    }

    [Test]
    public void A_model_without_the_element_a_control_needs_fails_and_says_what_to_model()
    {
        var model = WellRun();
        Assert.Multiple(() =>
        {
            Assert.That(Fails(model with { DataStores = [] }, "memory policy"), Does.Contain("no agent memory store"));
            Assert.That(Fails(model with { Services = [.. model.Services.Where(s => s.Kind != ServiceKind.ModelEndpoint)] }, "foundation models"), Does.Contain("lists no foundation model"));
            Assert.That(Fails(model with { TrustBoundaries = [.. model.TrustBoundaries.Where(b => b.Kind != TrustBoundaryKind.Tenant)] }, "tenant isolation"), Does.Contain("no trust boundary of kind tenant"));
            Assert.That(Fails(model with { Services = [.. model.Services.Where(s => s.Kind != ServiceKind.AgentGateway)] }, "gateway choke point"), Does.Contain("no service of kind agent-gateway"));
            Assert.That(Fails(model with { Tools = [.. model.Tools.Select(t => t with { RequiresHumanApproval = false })] }, "approver"), Does.Contain("no tool in the system model requires human approval"));
        });
    }

    private static string Fails(SystemModel model, string name)
    {
        var (context, output) = Given(model);
        return Assert.Throws<ControlFailedException>(() => StepNamed(name)(context, output))!.Message;
    }

    private static SystemModel WithFlow(SystemModel model, string id, Func<DataFlow, DataFlow> change) =>
        model with { Flows = [.. model.Flows.Select(f => f.Id == id ? change(f) : f)] };

    private static SystemModel WellRun() => SystemModelLoader.LoadFromText(WellRunYaml, "well-run.yaml");

    private const string WellRunYaml = """
        version: 1
        name: well-run
        agents:
          - { id: planner, name: Planner, tools: [search] }
          - { id: payer, name: Payer, tools: [pay] }
        humans:
          - { id: approver, name: Approver }
        identities:
          - { id: planner-id, name: planner, kind: workload, usedBy: [planner], issuedBy: idp, credentialType: private-key-jwt, credentialLifetimeSeconds: 300 }
          - { id: payer-id, name: payer, kind: workload, usedBy: [payer], issuedBy: idp, credentialType: private-key-jwt, credentialLifetimeSeconds: 300 }
          - { id: approver-id, name: approver, kind: human, usedBy: [approver], issuedBy: idp, credentialType: password }
          - { id: bank-key, name: bank client, kind: workload, issuedBy: idp, credentialType: private-key-jwt, credentialLifetimeSeconds: 300 }
        services:
          - { id: idp, name: Token service, kind: identity-provider }
          - { id: gateway, name: Agent gateway, kind: agent-gateway }
          - { id: tools, name: MCP server, kind: mcp-server }
          - { id: llm, name: LLM endpoint, kind: model-endpoint }
        tools:
          - { id: search, name: search, server: tools, sensitivity: read }
          - { id: pay, name: pay, server: tools, sensitivity: financial, requiresHumanApproval: true }
        dataStores:
          - { id: memory, name: Agent memory, kind: vector-store }
        externalServices:
          - { id: bank, name: Bank API, kind: saas, canBeIsolated: true }
        trustBoundaries:
          - { id: runtime, name: Agent runtime, kind: process, contains: [planner, payer] }
          - { id: platform, name: Platform, kind: network, contains: [runtime, idp, gateway, tools, llm, search, pay, memory] }
          - { id: company, name: Company, kind: organisation, contains: [platform, approver] }
          - { id: bank-tenant, name: Bank tenant, kind: tenant, contains: [bank] }
        flows:
          - { id: planner-gateway, from: planner, to: gateway, protocol: https, authentication: oauth2, authorization: policy-at-request-time, logging: central-audit, identity: planner-id }
          - { id: payer-gateway, from: payer, to: gateway, protocol: https, authentication: oauth2, authorization: policy-at-request-time, logging: central-audit, identity: payer-id }
          - { id: approver-gateway, from: approver, to: gateway, protocol: https, authentication: oauth2, authorization: policy-at-request-time, logging: central-audit, identity: approver-id }
          - { id: planner-llm, from: planner, to: llm, protocol: https, authentication: oauth2, authorization: policy-at-request-time, logging: central-audit, identity: planner-id }
          - { id: gateway-tools, from: gateway, to: tools, protocol: mcp-streamable-http, authentication: oauth2-token-exchange, authorization: policy-at-request-time, logging: central-audit, tools: [search, pay] }
          - { id: memory-read, from: tools, to: memory, protocol: https, authentication: mtls, authorization: policy-at-request-time, logging: central-audit }
          - { id: gateway-bank, from: gateway, to: bank, protocol: https, authentication: oauth2, authorization: policy-at-request-time, logging: central-audit, identity: bank-key }
        """;
}
