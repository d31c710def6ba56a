using System.Text;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Audit;
using AgentCompliance.Probes.Policy;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Audit;

/// <summary>Reading an event through the profile's field names, and understanding the ways trails spell decisions and types.</summary>
[TestFixture]
public sealed class AuditEventTests
{
    private static AuditEvent Read(string line, AuditEventFieldNames? names = null) =>
        new(JsonLinesParser.Entry(Encoding.UTF8.GetBytes(line), "audit.jsonl:1", new AuditTrailLimits()), names ?? new AuditEventFieldNames());

    [Test]
    public void Dotted_field_names_reach_into_nested_objects()
    {
        var e = Read(
            """{"actor":{"id":"research-agent"},"call":{"tool":"search_documents"},"outcome":"EFFECT_DENY","trace":{"id":17}}""",
            new AuditEventFieldNames { Agent = "actor.id", Tool = "call.tool", Decision = "outcome", CorrelationId = "trace.id" });

        Assert.Multiple(() =>
        {
            Assert.That((e.Agent, e.Tool, e.CorrelationId), Is.EqualTo(("research-agent", "search_documents", "17")));
            Assert.That(e.Effect, Is.EqualTo(PolicyEffect.Deny));
            Assert.That(e.Kind, Is.EqualTo(AuditEventKind.ToolCall), "an event without a type is a tool call");
            Assert.That(e.Reason, Is.Null);
        });
    }

    [TestCase("allow", PolicyEffect.Allow)]
    [TestCase("ALLOWED", PolicyEffect.Allow)]
    [TestCase("EFFECT_ALLOW", PolicyEffect.Allow)]
    [TestCase("denied", PolicyEffect.Deny)]
    [TestCase("Forbidden", PolicyEffect.Deny)]
    [TestCase("perhaps", null)]
    public void Decisions_are_understood_in_common_spellings(string decision, PolicyEffect? effect) =>
        Assert.That(Read($$"""{"decision":"{{decision}}"}""").Effect, Is.EqualTo(effect));

    [TestCase("tool_call", AuditEventKind.ToolCall)]
    [TestCase("data_access", AuditEventKind.DataAccess)]
    [TestCase("dataAccess", AuditEventKind.DataAccess)]
    [TestCase("downstream-call", AuditEventKind.DownstreamCall)]
    [TestCase("login", AuditEventKind.Other)]
    public void Event_types_are_understood_in_common_spellings(string type, AuditEventKind kind) =>
        Assert.That(Read($$"""{"eventType":"{{type}}"}""").Kind, Is.EqualTo(kind));

    [Test]
    public void An_event_belongs_to_an_agent_by_name_client_id_or_spiffe_id()
    {
        var agent = new AgentIdentity { Name = "research", ClientId = "research-client", SpiffeId = "spiffe://test/agents/research" };

        Assert.Multiple(() =>
        {
            Assert.That(Read("""{"agent":"research"}""").IsFor(agent), Is.True);
            Assert.That(Read("""{"agent":"research-client"}""").IsFor(agent), Is.True);
            Assert.That(Read("""{"agent":"spiffe://test/agents/research"}""").IsFor(agent), Is.True);
            Assert.That(Read("""{"agent":"billing-client"}""").IsFor(agent), Is.False);
            Assert.That(Read("""{"tool":"x"}""").IsFor(agent), Is.False);
        });
    }
}
