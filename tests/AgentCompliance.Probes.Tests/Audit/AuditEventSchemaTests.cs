using System.Text;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Audit;
using AgentCompliance.Probes.Http;
using AgentCompliance.TestServers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Audit;

/// <summary>
/// Audit events against the built-in schema (and the profile's own): what an investigator needs is required, a denial
/// must say why, field renames are followed, and problems name fields but never echo values.
/// </summary>
[TestFixture]
public sealed class AuditEventSchemaTests
{
    private const string Valid = """{"timestamp":"2026-05-01T10:00:00Z","agent":"research-agent","tool":"search_documents","action":"invoke","resource":"tool:search_documents","decision":"allow","correlationId":"c-1","eventType":"tool_call"}""";

    private static AuditEntry Entry(string line) => JsonLinesParser.Entry(Encoding.UTF8.GetBytes(line), "audit.jsonl:7", new AuditTrailLimits());

    [Test]
    public async Task A_complete_event_matches_the_built_in_schema()
    {
        var schema = await AuditEventSchema.BuiltInAsync(new AuditEventFieldNames());

        Assert.That(schema.Validate(Entry(Valid)), Is.Empty);
    }

    [Test]
    public async Task Missing_fields_are_named_and_values_are_never_echoed()
    {
        var schema = await AuditEventSchema.BuiltInAsync(new AuditEventFieldNames());
        var leaky = """{"timestamp":"yesterday","agent":"sk-live-0123456789","tool":"search_documents","action":"invoke","decision":"maybe"}""";

        var problems = schema.Validate(Entry(leaky));

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.SupersetOf(new[]
            {
                "missing required field 'resource'",
                "missing required field 'correlationId'",
                "'decision' has a value the schema does not allow",
                "'timestamp' is not a date-time (RFC 3339)",
            }));
            Assert.That(string.Join(" ", problems), Does.Not.Contain("sk-live").And.Not.Contain("yesterday").And.Not.Contain("maybe"));
        });
    }

    [Test]
    public async Task A_denial_without_a_reason_does_not_match()
    {
        var schema = await AuditEventSchema.BuiltInAsync(new AuditEventFieldNames());
        var denial = Valid.Replace("\"allow\"", "\"deny\"", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(schema.Validate(Entry(denial)), Is.EqualTo(new[] { "a denial must state its reason" }));
            Assert.That(schema.Validate(Entry(denial.Replace("}", ",\"reason\":\"outside allow-list\"}", StringComparison.Ordinal))), Is.Empty);
            Assert.That(schema.Validate(Entry(denial.Replace("}", ",\"reason\":\"\"}", StringComparison.Ordinal))), Is.Not.Empty, "an empty reason is no reason");
        });
    }

    [Test]
    public async Task A_line_that_is_not_an_event_reports_its_parse_problem()
    {
        var schema = await AuditEventSchema.BuiltInAsync(new AuditEventFieldNames());

        Assert.That(schema.Validate(Entry("{oops")), Has.Exactly(1).StartsWith("not valid JSON"));
    }

    [Test]
    public async Task Renamed_top_level_fields_are_followed_by_the_built_in_schema()
    {
        var schema = await AuditEventSchema.BuiltInAsync(new AuditEventFieldNames { Agent = "principal", CorrelationId = "traceId" });
        var renamed = Valid.Replace("\"agent\"", "\"principal\"", StringComparison.Ordinal).Replace("\"correlationId\"", "\"traceId\"", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(schema.Validate(Entry(renamed)), Is.Empty);
            Assert.That(schema.Validate(Entry(Valid)), Is.EquivalentTo(new[] { "missing required field 'principal'", "missing required field 'traceId'" }));
        });
    }

    [Test]
    public void A_nested_field_name_needs_a_schema_of_ones_own()
    {
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => AuditEventSchema.BuiltInAsync(new AuditEventFieldNames { Agent = "actor.id" }));

        Assert.That(error!.Message, Does.Contain("names the nested field 'actor.id'").And.Contain("target.auditLog.schema"));
    }

    [Test]
    public async Task A_schema_file_of_ones_own_is_used_with_its_local_references()
    {
        using var files = new TrailFiles();
        files.Write("common.json", """{"definitions":{"id":{"type":"string","minLength":3}}}""");
        var path = files.Write("event.schema.json", """
            {
              "type": "object",
              "required": ["actor"],
              "properties": { "actor": { "type": "object", "required": ["id"], "properties": { "id": { "$ref": "common.json#/definitions/id" } } } }
            }
            """);

        var schema = await AuditEventSchema.FromFileAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(schema.Name, Is.EqualTo(path));
            Assert.That(schema.Validate(Entry("""{"actor":{"id":"research-agent"}}""")), Is.Empty);
            Assert.That(schema.Validate(Entry("""{"actor":{}}""")), Is.EqualTo(new[] { "missing required field 'actor.id'" }));
            Assert.That(schema.Validate(Entry("""{"actor":{"id":"x"}}""")), Is.EqualTo(new[] { "'actor.id' is empty or too short" }));
        });
    }

    [Test]
    public async Task A_schema_that_refers_to_a_url_is_refused_and_nothing_is_fetched()
    {
        var requests = 0;
        await using var listener = await LoopbackWebHost.StartAsync(app => app.Run(context =>
        {
            Interlocked.Increment(ref requests);
            return context.Response.WriteAsync("""{"type":"string"}""");
        }));
        using var files = new TrailFiles();
        var path = files.Write("remote.schema.json", """{"properties":{"agent":{"$ref":"URL"}}}""".Replace("URL", $"{listener.BaseUrl}agent.json", StringComparison.Ordinal));

        var error = Assert.ThrowsAsync<ProbeFailedException>(() => AuditEventSchema.FromFileAsync(path));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith($"the audit event schema {path} is not a usable JSON Schema").And.Contain($"{listener.BaseUrl}agent.json"));
            Assert.That(requests, Is.Zero, "the referenced URL must not be requested");
        });
    }
}
