using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Results;

namespace AgentCompliance.ReferencePlatform.Tests;

/// <summary>
/// The bundled live controls that apply to the platform — features/identity, revocation, delegation, policy, audit and
/// mcp — run through the run command against the platform in process. Hardened, every scenario passes; weak, exactly
/// the scenarios whose control a weakness breaks fail, each with evidence; no secret or issued token reaches the output.
/// Not run here: features/workload-identity (the platform issues no SPIFFE SVIDs) and features/transport (it serves
/// plain http on loopback); the demo runs them and they fail there, honestly.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class LiveControlsTests
{
    private static readonly string[] Features = ["identity", "revocation", "delegation", "policy", "audit", "mcp"];

    private static string ToolPin => RepositoryLayout.PathOf("samples", "reference-platform", "pins", "tool-server.json");

    [Test]
    public async Task On_the_hardened_platform_every_applicable_live_control_but_loopback_TLS_passes()
    {
        await using var platform = await ReferencePlatformHost.StartAsync(PlatformConfiguration.Hardened);
        using var run = PlatformRun.Create();
        run.WaiversFile = LoopbackTlsWaivers.Write(run.Folder);
        await run.RunAsync(platform, "", ToolPin, Features);

        Assert.Multiple(() =>
        {
            // The platform listens on plain http on loopback, so the TLS control fails; the waiver keeps the gate green.
            Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(new[] { LoopbackTlsWaivers.TokenEndpointScenario }), run.Failures);
            Assert.That(run.WaivedScenarios(), Is.EqualTo(new[] { LoopbackTlsWaivers.TokenEndpointScenario }));
            Assert.That(run.ScenariosWith(ResultStatus.Passed), Has.Count.EqualTo(30), run.Failures);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Console);
            Assert.That(Notes(run, "A revoked agent token is rejected within seconds"), Does.Contain("rejected after"));
            Assert.That(Notes(run, "Delegated tokens name the agent as actor"), Does.Contain($"sub is the person '{ReferencePlatformHost.HumanSubject}' and act.sub names the agent"));
        });
        LeakCheck.AssertNothingLeaks(run.OutputDirectory, run.Console, [.. platform.Secrets, .. run.ProfileSecrets]);
    }

    [Test]
    public async Task On_the_weak_platform_exactly_the_broken_controls_fail_with_evidence()
    {
        await using var platform = await ReferencePlatformHost.StartAsync(PlatformConfiguration.Weak);
        using var run = PlatformRun.Create();
        await run.RunAsync(platform, "", ToolPin, Features);

        Assert.Multiple(() =>
        {
            Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(new[]
            {
                "A revoked agent token is rejected within seconds",
                "Access is re-evaluated after a sensitive action",
                "Agent tokens are short-lived",
                "Agent tokens grant only the agent's allowed scopes",
                "Calls outside an agent's tool set are denied and logged distinctly",
                "Data access and downstream calls carry the correlation id of their tool call",
                "Delegated tokens stop working when the person's token is revoked",
                "Each agent is allowed exactly its own tools",
                "Each agent reaches exactly its own tools through the gateway",
                "Every agent has an identity of its own",
                "MCP servers require a valid access token",
                "MCP servers tell clients which authorization server issues their tokens",
                "The policy decision point denies by default",
                LoopbackTlsWaivers.TokenEndpointScenario,
            }.Order(StringComparer.Ordinal)), run.Failures);
            Assert.That(run.ScenariosWith(ResultStatus.Passed), Has.Count.EqualTo(17), run.Failures);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed));

            // One line per weakness, as an assessor reads it.
            Assert.That(Error(run, "Agent tokens are short-lived"), Does.Contain("lives 86400 s (exp − iat), more than 900 s"));
            Assert.That(Error(run, "Every agent has an identity of its own"), Does.Contain("agents 'research-agent' and 'support-agent' all receive tokens with the subject 'assistant-agent'"));
            Assert.That(Error(run, "Agent tokens grant only the agent's allowed scopes"), Does.Contain("agent 'billing-agent': the token grants documents.read, tickets.write, admin beyond the allowed [refunds.issue]"));
            Assert.That(Error(run, "A revoked agent token is rejected within seconds"), Does.Contain("the issuer offers no revocation endpoint (RFC 7009)"));
            Assert.That(Error(run, "MCP servers require a valid access token"), Does.Contain($"({platform.Endpoints.Mcp}) accepted an unauthenticated initialize request with 200"));
            Assert.That(Error(run, "The policy decision point denies by default"), Does.Contain("the unknown principal 'agentcompliance-unregistered-agent' (roles: agent) is allowed to invoke tool 'search_documents'"));
            Assert.That(Error(run, "Access is re-evaluated after a sensitive action"), Does.Contain("the decision is not re-evaluated after a sensitive action"));
            Assert.That(Error(run, "Each agent reaches exactly its own tools through the gateway"), Does.Contain("agent 'research-agent' called tool 'create_ticket', which is not among its allowed tools, and the gateway answered 200; expected 403"));
            Assert.That(Error(run, "Calls outside an agent's tool set are denied and logged distinctly"), Does.Contain("the gateway answered 200 to agent 'research-agent' calling tool 'create_ticket'; expected 403"));

            foreach (var failed in run.Result.Scenarios.Where(s => s.Status == ResultStatus.Failed))
            {
                Assert.That(failed.Steps.SelectMany(s => s.Evidence), Is.Not.Empty, $"'{failed.Name}' failed without evidence");
            }
        });
        LeakCheck.AssertNothingLeaks(run.OutputDirectory, run.Console, [.. platform.Secrets, .. run.ProfileSecrets]);
    }

    private static string Error(PlatformRun run, string scenario) => run.Scenario(scenario).ErrorMessage ?? string.Empty;

    private static string Notes(PlatformRun run, string scenario) => string.Join(
        Environment.NewLine,
        run.Scenario(scenario).Steps.SelectMany(step => step.Evidence).Where(item => item.Kind == "note").Select(item => $"{item.Title}: {item.Text}"));
}
