using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;
using AgentCompliance.ThreatModel.Rules;
using AgentCompliance.ThreatModel.Tests.Fixtures;

namespace AgentCompliance.ThreatModel.Tests.Rules;

/// <summary>
/// Every rule fires on a model with its weakness and not on the hardened model. Each case adds one weakness to the
/// hardened fixture and names where the threat must appear.
/// </summary>
public sealed class ThreatRuleTests
{
    private static readonly Dictionary<string, (Func<SystemModel, SystemModel> Weaken, string Target)> Cases = new(StringComparer.Ordinal)
    {
        ["TM001"] = (m => m.WithIdentity("executor-identity", i => i with { UsedBy = [.. i.UsedBy, "approver"] }), "executor-identity"),
        ["TM002"] = (m => m.WithIdentity("executor-identity", i => i with { UsedBy = [.. i.UsedBy, "planner-agent"] }), "executor-identity"),
        ["TM003"] = (m => m.WithIdentity("planner-identity", i => i with { UsedBy = ["planner-agent", "executor-agent"] }), "planner-agent"),
        ["TM004"] = (m => m.WithIdentity("executor-identity", i => i with { UsedBy = ["executor-agent", "planner-agent"] }), "executor-agent"),
        ["TM005"] = (m => m.WithIdentity("executor-identity", i => i with { CredentialLifetimeSeconds = 3600 }), "executor-identity"),
        ["TM006"] = (m => m.WithIdentity("executor-identity", i => i with { CredentialType = CredentialType.ApiKey, CredentialLifetimeSeconds = null }), "executor-identity"),
        ["TM007"] = (m => m.WithIdentity("executor-identity", i => i with { RotationDays = 365 }), "executor-identity"),
        ["TM008"] = (m => m.WithFlow("gateway-to-pdp", f => f with { Authentication = FlowAuthentication.ApiKey }), "gateway-to-pdp"),
        ["TM009"] = (m => m.WithFlow("gateway-to-pdp", f => f with { Authentication = FlowAuthentication.None }), "gateway-to-pdp"),
        ["TM010"] = (m => m.Adding(Identity("batch-account", IdentityKind.ServiceAccount, CredentialType.Password, "planner-agent")), "batch-account"),
        ["TM011"] = (m => m.Adding(new ToolElement { Id = "grant-role", Name = "grant_role", Server = "tool-server", Sensitivity = ToolSensitivity.Privileged, RequiresHumanApproval = true })
            .WithAgent("planner-agent", a => a with { Tools = [.. a.Tools, "grant-role"] }), "planner-agent"),
        ["TM012"] = (m => m.Adding(TestModels.External("vendor")).Adding(TestModels.Flow("executor-to-vendor", "executor-agent", "vendor") with { Identity = "executor-identity" }), "executor-identity"),
        ["TM013"] = (m => m.Adding(TestModels.External("vendor")).Adding(TestModels.Flow("executor-to-vendor", "executor-agent", "vendor") with { Identity = "executor-identity" })
            .WithIdentity("executor-identity", i => i with { CredentialLifetimeSeconds = 86400 }), "executor-to-vendor"),
        ["TM014"] = (m => m.Adding(TestModels.External("old-crm") with { Legacy = true, CanBeIsolated = false }).Adding(TestModels.Flow("planner-to-crm", "planner-agent", "old-crm")), "old-crm"),
        ["TM015"] = (m => m.WithFlow("executor-to-gateway", f => f with { ReevaluatesAfterSensitiveActions = false, CredentialLifetimeSeconds = 3600 }), "executor-to-gateway"),
        ["TM016"] = (m => m.WithFlow("planner-to-gateway", f => f with { Identity = null }), "planner-to-gateway"),
        ["TM017"] = (m => m.WithFlow("planner-to-gateway", f => f with { Authorization = FlowAuthorization.Static }), "planner-to-gateway"),
        ["TM018"] = (m => m.WithFlow("planner-to-gateway", f => f with { Logging = FlowLogging.Local }), "planner-to-gateway"),
        ["TM019"] = (m => m.Adding(Identity("old-bot", IdentityKind.Workload, CredentialType.PrivateKeyJwt)), "old-bot"),
        ["TM020"] = (m => m.WithIdentity("executor-identity", i => i with { IssuedBy = null }), "executor-identity"),
        ["TM021"] = (m => m.WithFlow("gateway-to-tools", f => f with { CredentialLifetimeSeconds = 3600 }), "gateway-to-tools"),
        ["TM022"] = (m => m.Adding(Identity("gateway-account", IdentityKind.ServiceAccount, CredentialType.ClientSecret)).WithFlow("gateway-to-pdp", f => f with { Identity = "gateway-account" }), "gateway-to-pdp"),
        ["TM023"] = (m => m.WithIdentity("executor-identity", i => i with { CredentialType = CredentialType.ClientSecret }), "executor-identity"),
        ["TM024"] = (m => m.WithFlow("tools-to-audit", f => f with { Authentication = FlowAuthentication.ApiKey }), "tools-to-audit"),
        ["TM025"] = (m => m.WithoutService("audit"), "hardened-platform"),
        ["TM026"] = (m => m.WithFlow("gateway-to-tools", f => f with { Logging = FlowLogging.Local }), "gateway-to-tools"),
        ["TM027"] = (m => m.WithoutService("pdp"), "hardened-platform"),
        ["TM028"] = (m => m.WithTool("transfer-funds", t => t with { RequiresHumanApproval = false }), "transfer-funds"),
        ["TM029"] = (m => m with { Flows = [.. m.Flows.Where(f => f.From != "approver")] }, "transfer-funds"),
        ["TM030"] = (m => m.WithBoundary("platform", b => b with { Contains = [.. b.Contains.Where(id => id != "tool-server")] }), "tool-server"),
        ["TM031"] = (m => m.Adding(TestModels.External("web")).Adding(TestModels.Flow("executor-browses", "executor-agent", "web")), "executor-agent"),
        ["TM032"] = (m => m.Adding(new DataStoreElement { Id = "notes", Name = "Notes", Kind = DataStoreKind.VectorStore })
            .Adding(TestModels.Flow("tools-to-notes", "tool-server", "notes") with { Authorization = FlowAuthorization.Static }), "notes"),
        ["TM033"] = (m => m.Adding(new DataStoreElement { Id = "memory", Name = "Memory", Kind = DataStoreKind.VectorStore })
            .Adding(TestModels.Flow("planner-memory", "planner-agent", "memory")).Adding(TestModels.Flow("executor-memory", "executor-agent", "memory")), "memory"),
        ["TM034"] = (m => m.Adding(TestModels.External("vendor")).Adding(TestModels.Flow("tools-to-vendor", "tool-server", "vendor") with { DataClassification = DataClassification.Restricted }), "tools-to-vendor"),
        ["TM035"] = (m => m.WithFlow("planner-to-gateway", f => f with { Protocol = FlowProtocol.Http }), "planner-to-gateway"),
        ["TM036"] = (m => m.Adding(TestModels.Flow("planner-to-executor", "planner-agent", "executor-agent") with { Authentication = FlowAuthentication.ApiKey }), "planner-to-executor"),
        ["TM037"] = (m => m.Adding(TestModels.Flow("planner-to-executor", "planner-agent", "executor-agent")), "planner-to-executor"),
        ["TM038"] = (m => m.Adding(TestModels.Flow("planner-to-executor", "planner-agent", "executor-agent") with { Authorization = FlowAuthorization.Static }), "planner-to-executor"),
        ["TM039"] = (m => m.Adding(new ToolElement { Id = "run-shell", Name = "run_shell_command", Server = "tool-server", Sensitivity = ToolSensitivity.Write }), "run-shell"),
        ["TM040"] = (m => m.Adding(TestModels.Flow("planner-launches-tools", "planner-agent", "tool-server") with { Protocol = FlowProtocol.Stdio }), "planner-launches-tools"),
        ["TM041"] = (m => m.WithFlow("gateway-to-model", f => f with { Authentication = FlowAuthentication.None }), "gateway-to-model"),
        ["TM042"] = (m => m.Adding(TestModels.External("llm-api", ExternalServiceKind.ModelProvider))
            .Adding(TestModels.Flow("gateway-to-llm", "gateway", "llm-api") with { DataClassification = DataClassification.Confidential }), "gateway-to-llm"),
        ["TM043"] = (m => m.WithoutService("model"), "hardened-platform"),
        ["TM044"] = (m => m.Adding(TestModels.Flow("executor-logs", "executor-agent", "audit")), "executor-logs"),
        ["TM045"] = (m => m.WithFlow("gateway-to-pdp", f => f with { Logging = FlowLogging.Local }), "gateway-to-pdp"),
        ["TM046"] = (m => m.Adding(TestModels.Flow("planner-direct-tools", "planner-agent", "tool-server")), "planner-direct-tools"),
        ["TM047"] = (m => m.WithBoundary("planner-runtime", b => b with { Contains = [] }), "planner-agent"),
        ["TM048"] = (m => m.WithBoundary("planner-runtime", b => b with { Contains = ["planner-agent", "executor-agent"] }), "planner-runtime"),
        ["TM049"] = (m => m.WithFlow("gateway-to-tools", f => f with { Authorization = FlowAuthorization.Static }), "gateway-to-tools"),
        ["TM050"] = (m => m.WithIdentity("executor-identity", i => i with { CredentialType = CredentialType.ClientSecret }), "executor-identity"),
        ["TM051"] = (m => m.Adding(Identity("ops-account", IdentityKind.ServiceAccount, CredentialType.PrivateKeyJwt, "approver")), "ops-account"),
    };

    private static IEnumerable<TestCaseData> Rules() =>
        BuiltInThreatRules.All.Select(rule => new TestCaseData(rule).SetArgDisplayNames(rule.Metadata.Id));

    [TestCaseSource(nameof(Rules))]
    public void Does_not_fire_on_the_hardened_model(IThreatRule rule)
    {
        var matches = rule.Evaluate(new ModelView(TestModels.Hardened)).ToList();

        Assert.That(matches, Is.Empty, () => string.Join("; ", matches.Select(m => m.Reason)));
    }

    [TestCaseSource(nameof(Rules))]
    public void Fires_where_the_weakness_is(IThreatRule rule)
    {
        Assert.That(Cases.TryGetValue(rule.Metadata.Id, out var weakness), Is.True, $"{rule.Metadata.Id} has no weakness case");
        var matches = rule.Evaluate(new ModelView(weakness.Weaken(TestModels.Hardened))).ToList();

        Assert.That(matches.Select(m => m.ElementId), Does.Contain(weakness.Target));
        Assert.That(matches.Single(m => m.ElementId == weakness.Target).Reason, Is.Not.Empty);
    }

    [Test]
    public void Every_weakness_case_names_a_rule()
    {
        Assert.That(Cases.Keys, Is.EquivalentTo(BuiltInThreatRules.All.Select(r => r.Metadata.Id)));
    }

    private static IdentityElement Identity(string id, IdentityKind kind, CredentialType credential, params string[] usedBy) => new()
    {
        Id = id,
        Name = id,
        Kind = kind,
        CredentialType = credential,
        CredentialLifetimeSeconds = 300,
        IssuedBy = "idp",
        UsedBy = usedBy,
    };
}
