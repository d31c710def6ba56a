using System.Text.RegularExpressions;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Results;
using AgentCompliance.TestServers.Cerbos;
using AgentCompliance.TestServers.Gateway;

namespace AgentCompliance.Live.Tests.PolicyAndAudit;

/// <summary>
/// The bundled policy and audit scenarios (features/policy, features/audit) run through the run command against a real
/// deployment: a real token issuer, real Cerbos and the test agent gateway. Hardened, every control passes; weak, exactly
/// the controls the weaknesses break fail, each with a message naming the offending agent, tool or event, and with
/// evidence; and no secret or token reaches the output folder even when the deployment itself leaks one.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class PolicyAndAuditControlsTests
{
    private static readonly string[] AllScenarios =
    [
        "Access is re-evaluated after a sensitive action",
        "Audit events carry the fields an investigator needs",
        "Calls outside an agent's tool set are denied and logged distinctly",
        "Data access and downstream calls carry the correlation id of their tool call",
        "Each agent is allowed exactly its own tools",
        "Each agent reaches exactly its own tools through the gateway",
        "Every tool call through the gateway is recorded promptly",
        "No secret or token appears in the audit trail",
        "The policy decision point denies by default",
        "Tool calls without a valid token are refused",
    ];

    private GatewayDeployment _deployment = null!;

    [OneTimeSetUp]
    public async Task StartDeployment() => _deployment = await GatewayDeployment.StartAsync();

    [OneTimeTearDown]
    public async Task StopDeployment() => await _deployment.DisposeAsync();

    [Test]
    public async Task Against_the_hardened_deployment_every_policy_and_audit_control_passes()
    {
        using var run = LiveRun.Create();
        await run.RunAsync(Profile(run, "hardened", _deployment.HardenedCerbos, auditOverHttp: false), "", "policy", "audit");

        Assert.Multiple(() =>
        {
            Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.Empty, () => Failures(run));
            Assert.That(run.ScenariosWith(ResultStatus.Passed), Is.EqualTo(AllScenarios));
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Console);
            Assert.That(Evidence(run, "The policy decision point denies by default"), Does.Contain($"POST {_deployment.HardenedCerbos.BaseUrl}api/check/resources → 200"));
            Assert.That(Evidence(run, "Every tool call through the gateway is recorded promptly"), Does.Contain("\"eventType\":\"tool_call\"").And.Contain("hardened-audit.jsonl:"));
        });
        run.AssertNothingLeaks([.. _deployment.Agents.Select(a => a.Secret)]);
    }

    [Test]
    public async Task Against_the_hardened_gateway_the_audit_trail_served_over_http_passes_too()
    {
        using var run = LiveRun.Create();
        await run.RunAsync(Profile(run, "hardened", _deployment.HardenedCerbos, auditOverHttp: true), "", "audit");

        Assert.Multiple(() =>
        {
            Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.Empty, () => Failures(run));
            Assert.That(run.ScenariosWith(ResultStatus.Passed), Has.Count.EqualTo(5));
            Assert.That(Evidence(run, "Audit events carry the fields an investigator needs"), Does.Contain($"{_deployment.Gateway("hardened").AuditEventsUrl}:"));
        });
    }

    [Test]
    public async Task Against_the_weak_deployment_exactly_the_broken_controls_fail_with_what_broke_them()
    {
        using var run = LiveRun.Create();
        await run.RunAsync(Profile(run, "weak", _deployment.WeakCerbos, auditOverHttp: false), "", "policy", "audit");

        Assert.Multiple(() =>
        {
            Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(new[]
            {
                "Access is re-evaluated after a sensitive action",
                "Audit events carry the fields an investigator needs",
                "Calls outside an agent's tool set are denied and logged distinctly",
                "Data access and downstream calls carry the correlation id of their tool call",
                "Each agent is allowed exactly its own tools",
                "Each agent reaches exactly its own tools through the gateway",
                "No secret or token appears in the audit trail",
                "The policy decision point denies by default",
            }), () => Failures(run));
            Assert.That(run.ScenariosWith(ResultStatus.Passed), Is.EqualTo(new[]
            {
                "Every tool call through the gateway is recorded promptly",
                "Tool calls without a valid token are refused",
            }), () => Failures(run));
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed));

            Assert.That(Error(run, "The policy decision point denies by default"),
                Does.Contain("the unknown principal 'agentcompliance-unregistered-agent' (roles: agent) is allowed to invoke tool 'search_documents'")
                    .And.Contain("agent 'billing-agent' is allowed the unknown action 'agentcompliance-unregistered-action' on tool 'issue_refund'"));
            Assert.That(Error(run, "Each agent is allowed exactly its own tools"),
                Does.Contain("agent 'research-agent' is allowed tool 'create_ticket', which is not among its allowed tools (search_documents)"));
            Assert.That(Error(run, "Access is re-evaluated after a sensitive action"),
                Does.Contain("agent 'support-agent' is still allowed tool 'create_ticket' after the principal attribute sensitiveActionPerformed changed from false to true: the decision is not re-evaluated after a sensitive action"));
            Assert.That(Error(run, "Each agent reaches exactly its own tools through the gateway"),
                Does.Contain("agent 'billing-agent' called tool 'search_documents', which is not among its allowed tools, and the gateway answered 200; expected 403"));
            Assert.That(Error(run, "Calls outside an agent's tool set are denied and logged distinctly"),
                Does.Contain("the gateway answered 200 to agent 'research-agent' calling tool 'create_ticket'; expected 403"));
            Assert.That(Error(run, "Audit events carry the fields an investigator needs"),
                Does.Contain("weak-audit.jsonl:1, ").And.Contain("weak-audit.jsonl:3 and ").And.Contain(" more: missing required field 'correlationId'"));
            Assert.That(Error(run, "No secret or token appears in the audit trail"),
                Does.Contain("weak-audit.jsonl:1 (agent 'research-agent', tool 'search_documents') holds a secret or token"));
            Assert.That(Error(run, "Data access and downstream calls carry the correlation id of their tool call"),
                Does.Contain("(agent 'research-agent', tool 'search_documents') has no correlation id, so what it caused cannot be traced back to it"));

            Assert.That(Evidence(run, "Each agent is allowed exactly its own tools"), Does.Contain("research-agent → create_ticket: allow (expected deny)"));
            Assert.That(Evidence(run, "No secret or token appears in the audit trail"), Does.Contain("\"authorization\":\"Bearer [REDACTED]\""));
        });

        // The weak gateway wrote the agents' tokens into its trail: none of them, nor any client secret, may reach the report.
        var leakedTokens = JsonWebToken().Matches(File.ReadAllText(Path.Combine(AuditFolder, "weak-audit.jsonl"))).Select(m => m.Value).Distinct().ToList();
        Assert.That(leakedTokens, Is.Not.Empty, "the weak gateway is expected to leak the agents' tokens into its trail");
        run.AssertNothingLeaks([.. _deployment.Agents.Select(a => a.Secret), .. leakedTokens]);
    }

    [Test]
    public async Task A_gateway_that_enforces_policy_but_leaves_denials_unaudited_fails_only_the_denial_control()
    {
        using var run = LiveRun.Create();
        await run.RunAsync(Profile(run, "unaudited-denials", _deployment.HardenedCerbos, auditOverHttp: false), "", "audit");

        Assert.Multiple(() =>
        {
            Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(new[] { "Calls outside an agent's tool set are denied and logged distinctly" }), () => Failures(run));
            Assert.That(Error(run, "Calls outside an agent's tool set are denied and logged distinctly"),
                Does.Contain("no audit event records the denial of agent 'research-agent' calling tool 'create_ticket' (denied with 403) within 10 s"));
        });
    }

    [Test]
    public async Task Steps_that_name_an_agent_a_tool_or_an_attribute_check_just_that()
    {
        using var run = LiveRun.Create();
        await run.RunAsync(Profile(run, "hardened", _deployment.HardenedCerbos, auditOverHttp: false), "", Path.Combine("..", "tests", "AgentCompliance.Live.Tests", "PolicyAndAudit", "Features"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(new[] { "A resource attribute the policy ignores does not withdraw the tool" }), () => Failures(run));
            Assert.That(run.ScenariosWith(ResultStatus.Passed), Has.Count.EqualTo(4));
            Assert.That(Error(run, "A resource attribute the policy ignores does not withdraw the tool"),
                Does.Contain("agent 'billing-agent' is still allowed tool 'issue_refund' after the resource attribute approval changed from \"granted\" to \"expired\""));
        });
    }

    private string AuditFolder => Path.GetDirectoryName(_deployment.Gateway("hardened").Options.AuditFile)!;

    // A profile for one of the deployment's gateways; each run exports the agents' secrets under its own variable names.
    private string Profile(LiveRun run, string gatewayName, CerbosServer cerbos, bool auditOverHttp)
    {
        var gateway = _deployment.Gateway(gatewayName);
        var prefix = $"AC_LIVE_{Guid.NewGuid():N}_";
        var agents = string.Concat(_deployment.Agents.Select(agent =>
        {
            var variable = prefix + agent.ClientId.Replace('-', '_').ToUpperInvariant();
            run.SetSecret(variable, agent.Secret);
            return $$"""

                  - name: {{agent.ClientId}}
                    clientId: {{agent.ClientId}}
                    credentials: {env: {{variable}}}
                    allowedTools: [{{string.Join(", ", GatewayDeployment.AllowedTools[agent.ClientId])}}]
                    resource: {{gateway.BaseUrl}}
                """;
        }));
        var auditLog = auditOverHttp ? $"url: {gateway.AuditEventsUrl}" : $"file: {gateway.Options.AuditFile}";
        return $"""
            version: 1
            name: policy-and-audit-{gatewayName}
            target:
              identityProvider:
                issuer: {_deployment.Issuer.Issuer}
                tokenEndpoint: {_deployment.Issuer.TokenEndpoint}
              agentGateway:
                baseUrl: {gateway.BaseUrl}
              policyDecisionPoint:
                kind: cerbos
                url: {cerbos.BaseUrl}
              auditLog:
                {auditLog}
            agents:{agents}
            transport:
              allowInsecureLoopback: true
            timeouts:
              requestSeconds: 10
              stepSeconds: 60
            """;
    }

    private static string Error(LiveRun run, string scenario) => run.Scenario(scenario).ErrorMessage ?? string.Empty;

    private static string Evidence(LiveRun run, string scenario) =>
        string.Join("\n", run.Scenario(scenario).Steps.SelectMany(s => s.Evidence).Select(e => $"{e.Kind} {e.Title}\n{e.Text}"));

    private static string Failures(LiveRun run) =>
        string.Join("\n", run.Result.Scenarios.Where(s => s.Status != ResultStatus.Passed).Select(s => $"{s.Status} {s.Name}: {s.ErrorMessage}")) + "\n" + run.Console;

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")]
    private static partial Regex JsonWebToken();
}
