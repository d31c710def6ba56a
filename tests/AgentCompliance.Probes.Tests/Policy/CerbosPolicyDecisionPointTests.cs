using System.Text.Json;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Policy;
using AgentCompliance.TestServers;
using AgentCompliance.TestServers.Cerbos;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Policy;

/// <summary>
/// The Cerbos adapter against a real Cerbos serving the hardened tool policy (tests/servers/cerbos/hardened): decisions
/// come back per resource in order, request-time attributes change them, and anything that is not a decision fails
/// loudly instead of reading as allow or deny.
/// </summary>
[TestFixture]
public sealed class CerbosPolicyDecisionPointTests
{
    private static readonly string[] Agent = ["agent"];
    private CerbosServer _cerbos = null!;

    [OneTimeSetUp]
    public async Task StartCerbos() => _cerbos = await CerbosServer.StartAsync("hardened");

    [OneTimeTearDown]
    public async Task StopCerbos() => await _cerbos.DisposeAsync();

    private static ProbeHttpClient Client(EvidenceList evidence) =>
        new(new ProbeHttpOptions { AllowInsecureLoopback = true }, evidence, Redactor.PatternsOnly);

    private static PolicyResource[] Tools(params string[] ids) => [.. ids.Select(id => new PolicyResource("tool", id))];

    [Test]
    public async Task Each_agent_gets_its_own_tools_and_nothing_else_in_the_order_asked()
    {
        using var http = Client(new EvidenceList());
        var pdp = new CerbosPolicyDecisionPoint(http, _cerbos.BaseUrl);

        var research = await pdp.CheckAsync(new PolicyPrincipal("research-agent", Agent), "invoke", Tools("issue_refund", "search_documents", "create_ticket"));
        var support = await pdp.CheckAsync(new PolicyPrincipal("support-agent", Agent), "invoke", Tools("search_documents", "create_ticket", "issue_refund"));

        Assert.Multiple(() =>
        {
            Assert.That(research.Select(d => (d.Resource.Id, d.Effect)), Is.EqualTo(new[]
            {
                ("issue_refund", PolicyEffect.Deny), ("search_documents", PolicyEffect.Allow), ("create_ticket", PolicyEffect.Deny),
            }));
            Assert.That(support.Select(d => d.Effect), Is.EqualTo(new[] { PolicyEffect.Allow, PolicyEffect.Allow, PolicyEffect.Deny }));
        });
    }

    [Test]
    public async Task Unknown_principals_tools_and_actions_are_denied()
    {
        using var http = Client(new EvidenceList());
        var pdp = new CerbosPolicyDecisionPoint(http, _cerbos.BaseUrl);

        var stranger = await pdp.CheckAsync(new PolicyPrincipal("someone-else", Agent), "invoke", Tools("search_documents"));
        var unknownTool = await pdp.CheckAsync(new PolicyPrincipal("research-agent", Agent), "invoke", Tools("format_disk"));
        var unknownAction = await pdp.CheckAsync(new PolicyPrincipal("research-agent", Agent), "delete", Tools("search_documents"));

        Assert.That(new[] { stranger[0], unknownTool[0], unknownAction[0] }.Select(d => d.Effect), Is.All.EqualTo(PolicyEffect.Deny));
    }

    [Test]
    public async Task A_request_time_attribute_changes_the_decision()
    {
        using var http = Client(new EvidenceList());
        var pdp = new CerbosPolicyDecisionPoint(http, _cerbos.BaseUrl);
        PolicyPrincipal Principal(bool sensitive) => new("research-agent", Agent)
        {
            Attributes = new Dictionary<string, JsonElement> { ["sensitiveActionPerformed"] = JsonSerializer.SerializeToElement(sensitive) },
        };

        var before = await pdp.CheckAsync(Principal(false), "invoke", Tools("search_documents"));
        var after = await pdp.CheckAsync(Principal(true), "invoke", Tools("search_documents"));

        Assert.That((before[0].Effect, after[0].Effect), Is.EqualTo((PolicyEffect.Allow, PolicyEffect.Deny)));
    }

    [Test]
    public async Task Each_exchange_is_recorded_as_evidence()
    {
        var evidence = new EvidenceList();
        using var http = Client(evidence);
        await new CerbosPolicyDecisionPoint(http, _cerbos.BaseUrl).CheckAsync(new PolicyPrincipal("billing-agent", Agent), "invoke", Tools("issue_refund"));

        Assert.That(evidence.AllText, Does.Contain($"POST {_cerbos.BaseUrl}api/check/resources → 200").And.Contain("\"billing-agent\"").And.Contain("EFFECT_ALLOW"));
    }

    [Test]
    public void A_request_cerbos_rejects_fails_with_its_validation_errors()
    {
        using var http = Client(new EvidenceList());
        var pdp = new CerbosPolicyDecisionPoint(http, _cerbos.BaseUrl);

        var error = Assert.ThrowsAsync<ProbeFailedException>(() => pdp.CheckAsync(new PolicyPrincipal("", []), "invoke", Tools("search_documents")));

        Assert.That(error!.Message, Does.StartWith($"{_cerbos.BaseUrl}api/check/resources refused the check request with 400: validation errors:")
            .And.Contain("principal.id: value is required").And.Contain("principal.roles: value is required"));
    }

    [Test]
    public async Task An_answer_without_a_decision_for_a_resource_fails_naming_it()
    {
        // A fault real Cerbos does not produce: a 200 whose results leave a resource out.
        await using var broken = await LoopbackWebHost.StartAsync(app =>
            app.MapPost("/api/check/resources", () => Results.Text("""{"results":[{"resource":{"id":"other","kind":"tool"},"actions":{"invoke":"EFFECT_ALLOW"}}]}""", "application/json")));
        using var http = Client(new EvidenceList());

        var error = Assert.ThrowsAsync<ProbeFailedException>(() =>
            new CerbosPolicyDecisionPoint(http, broken.BaseUrl).CheckAsync(new PolicyPrincipal("research-agent", Agent), "invoke", Tools("search_documents")));

        Assert.That(error!.Message, Does.Contain("gave no decision for action 'invoke' on tool 'search_documents'"));
    }

    [Test]
    public void An_unreachable_decision_point_fails_naming_the_endpoint()
    {
        using var http = Client(new EvidenceList());
        var closed = new Uri($"http://127.0.0.1:{LoopbackPort.GetFree()}/");

        var error = Assert.ThrowsAsync<ProbeFailedException>(() =>
            new CerbosPolicyDecisionPoint(http, closed).CheckAsync(new PolicyPrincipal("research-agent", Agent), "invoke", Tools("search_documents")));

        Assert.That(error!.Message, Does.StartWith($"{closed}api/check/resources could not be reached"));
    }

    [Test]
    public void A_kind_without_an_adapter_cannot_be_verified()
    {
        using var http = Client(new EvidenceList());
        var endpoint = new PolicyDecisionPointEndpoint { Kind = PolicyDecisionPointKind.Http, Url = new Uri("http://127.0.0.1:9/decide") };

        var error = Assert.Throws<ProbeFailedException>(() => PolicyDecisionPoints.For(endpoint, http));

        Assert.That(error!.Message, Does.Contain("of kind 'http', which the policy steps cannot ask yet (supported: cerbos)"));
    }
}
