using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Configuration;

/// <summary>
/// The profile keys the policy, gateway and audit-trail steps read: their defaults, their values when given, relative
/// paths resolved against the profile's folder, and the mistakes a user can make pointed out at the right line.
/// </summary>
public sealed class PolicyAndAuditProfileTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("agentcompliance-profile-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private TargetProfile Load(string yaml) => TargetProfileLoader.LoadFromText(yaml, Path.Combine(_folder, "agentcompliance.yaml"));

    private InputProblem SingleProblem(string yaml)
    {
        var error = Assert.Throws<InvalidInputException>(() => Load(yaml));
        Assert.That(error!.Problems, Has.Count.EqualTo(1), () => string.Join(Environment.NewLine, error.Problems));
        return error.Problems[0];
    }

    [Test]
    public void Defaults_describe_a_cerbos_tool_policy_a_tools_path_and_the_built_in_audit_event_fields()
    {
        var profile = Load("""
            version: 1
            name: defaults
            target:
              agentGateway: {baseUrl: "https://gateway.test/"}
              policyDecisionPoint: {kind: cerbos, url: "https://pdp.test/"}
              auditLog: {url: "https://audit.test/events"}
            """);

        var pdp = profile.Target.PolicyDecisionPoint!;
        var audit = profile.Target.AuditLog!;
        Assert.Multiple(() =>
        {
            Assert.That(pdp.ResourceKind, Is.EqualTo("tool"));
            Assert.That(pdp.Action, Is.EqualTo("invoke"));
            Assert.That(pdp.PrincipalRoles, Is.EqualTo(new[] { "agent" }));
            Assert.That(pdp.SensitiveActionAttribute.Name, Is.EqualTo("sensitiveActionPerformed"));
            Assert.That(pdp.SensitiveActionAttribute.Of, Is.EqualTo(AttributeHolder.Principal));
            Assert.That((pdp.SensitiveActionAttribute.Before, pdp.SensitiveActionAttribute.After), Is.EqualTo((false, true)));
            Assert.That(profile.Target.AgentGateway!.ToolPath, Is.EqualTo("tools/{tool}"));
            Assert.That(profile.Target.AgentGateway.CorrelationHeader, Is.EqualTo("X-Correlation-Id"));
            Assert.That(audit.Schema, Is.Null);
            Assert.That(audit.Fields, Is.EqualTo(new AuditEventFieldNames()));
            Assert.That(audit.MaxBytes, Is.EqualTo(AuditLogLocation.DefaultMaxBytes));
        });
    }

    [Test]
    public void Given_values_are_read_and_the_audit_paths_resolve_against_the_profile_folder()
    {
        File.WriteAllText(Path.Combine(_folder, "event.schema.json"), "{}");
        var profile = Load("""
            version: 1
            name: custom
            target:
              agentGateway: {baseUrl: "https://gateway.test/", toolPath: "mcp/{tool}/call", correlationHeader: X-Trace-Id}
              policyDecisionPoint:
                kind: cerbos
                url: https://pdp.test/
                resourceKind: mcp_tool
                action: call
                principalRoles: [agent, worker]
                sensitiveActionAttribute: {name: riskScore, of: resource, before: 10, after: 90.5}
              auditLog:
                file: logs/audit.jsonl
                schema: event.schema.json
                fields: {agent: actor.id, correlationId: trace}
                maxBytes: 4096
            """);

        var pdp = profile.Target.PolicyDecisionPoint!;
        var audit = profile.Target.AuditLog!;
        Assert.Multiple(() =>
        {
            Assert.That(pdp.ResourceKind, Is.EqualTo("mcp_tool"));
            Assert.That(pdp.Action, Is.EqualTo("call"));
            Assert.That(pdp.PrincipalRoles, Is.EqualTo(new[] { "agent", "worker" }));
            Assert.That(pdp.SensitiveActionAttribute, Is.EqualTo(new SensitiveActionAttribute { Name = "riskScore", Of = AttributeHolder.Resource, Before = 10L, After = 90.5 }));
            Assert.That(profile.Target.AgentGateway!.ToolPath, Is.EqualTo("mcp/{tool}/call"));
            Assert.That(profile.Target.AgentGateway.CorrelationHeader, Is.EqualTo("X-Trace-Id"));
            Assert.That(audit.File, Is.EqualTo(Path.Combine(_folder, "logs", "audit.jsonl")));
            Assert.That(audit.Schema, Is.EqualTo(Path.Combine(_folder, "event.schema.json")));
            Assert.That(audit.Fields.Agent, Is.EqualTo("actor.id"));
            Assert.That(audit.Fields.CorrelationId, Is.EqualTo("trace"));
            Assert.That(audit.Fields.Tool, Is.EqualTo("tool"), "fields not given keep their default names");
            Assert.That(audit.MaxBytes, Is.EqualTo(4096));
        });
    }

    [Test]
    public void An_audit_log_with_both_a_file_and_a_url_is_refused()
    {
        var problem = SingleProblem("""
            version: 1
            name: both
            target:
              auditLog: {file: audit.jsonl, url: "https://audit.test/events"}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(problem.Message, Does.Contain("target.auditLog: must give exactly one of 'file' or 'url'"));
            Assert.That(problem.Line, Is.EqualTo(4));
        });
    }

    [Test]
    public void An_audit_log_with_only_a_schema_is_refused()
    {
        File.WriteAllText(Path.Combine(_folder, "event.schema.json"), "{}");
        var problem = SingleProblem("""
            version: 1
            name: neither
            target:
              auditLog: {schema: event.schema.json}
            """);

        Assert.That(problem.Message, Does.Contain("target.auditLog: must give exactly one of 'file' or 'url'"));
    }

    [Test]
    public void A_missing_audit_event_schema_file_is_reported_at_its_line()
    {
        var problem = SingleProblem("""
            version: 1
            name: missing-schema
            target:
              auditLog:
                file: audit.jsonl
                schema: nowhere.json
            """);

        Assert.Multiple(() =>
        {
            Assert.That(problem.Message, Does.Contain("target.auditLog.schema: file or folder not found"));
            Assert.That(problem.Line, Is.EqualTo(6));
        });
    }

    [TestCase("tools/", "target.agentGateway.toolPath: must be a relative path containing '{tool}'")]
    [TestCase("https://elsewhere.test/{tool}", "target.agentGateway.toolPath: must be a relative path containing '{tool}'")]
    [TestCase("tools/{tool}#fragment", "target.agentGateway.toolPath: must be a relative path containing '{tool}'")]
    public void A_tool_path_without_the_placeholder_or_leaving_the_gateway_is_refused(string toolPath, string message)
    {
        var problem = SingleProblem($$"""
            version: 1
            name: tool-path
            target:
              agentGateway: {baseUrl: "https://gateway.test/", toolPath: "{{toolPath}}"}
            """);

        Assert.That(problem.Message, Does.Contain(message));
    }

    [Test]
    public void A_sensitive_action_attribute_value_must_be_a_scalar()
    {
        var problem = SingleProblem("""
            version: 1
            name: scalar
            target:
              policyDecisionPoint:
                kind: cerbos
                url: https://pdp.test/
                sensitiveActionAttribute: {name: approval, after: [expired]}
            """);

        Assert.That(problem.Message, Does.Contain("target.policyDecisionPoint.sensitiveActionAttribute.after"));
    }

    [Test]
    public void An_audit_field_name_with_an_empty_path_segment_is_refused()
    {
        var problem = SingleProblem("""
            version: 1
            name: field
            target:
              auditLog:
                url: https://audit.test/events
                fields: {agent: "actor..id"}
            """);

        Assert.That(problem.Message, Does.Contain("target.auditLog.fields.agent: must be a field name, or a dotted path of field names"));
    }
}
