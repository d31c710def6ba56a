using System.Text;
using AgentCompliance.Core.Redaction;
using AgentCompliance.Probes.Audit;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Audit;

/// <summary>An audit line leaks when the redactor would change it: a registered secret, or anything credential-shaped.</summary>
[TestFixture]
public sealed class AuditSecretScanTests
{
    private const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXNlYXJjaC1hZ2VudCJ9.c2lnbmF0dXJlLXZhbHVl";

    private static AuditEntry Entry(string line, int number) => JsonLinesParser.Entry(Encoding.UTF8.GetBytes(line), $"audit.jsonl:{number}", new AuditTrailLimits());

    [Test]
    public void Registered_secrets_and_credential_shaped_values_are_found_in_events_and_broken_lines_alike()
    {
        var secrets = new SecretRegistry();
        secrets.Add("opaque-client-secret-42");
        var entries = new[]
        {
            Entry("""{"agent":"research-agent","tool":"search_documents","decision":"allow"}""", 1),
            Entry("""{"agent":"research-agent","note":"secret is opaque-client-secret-42"}""", 2),
            Entry($$"""{"agent":"research-agent","authorization":"Bearer {{Jwt}}"}""", 3),
            Entry($"not json but a token {Jwt}", 4),
            Entry("""{"agent":"support-agent","access_token":"anything"}""", 5),
        };

        var leaking = AuditSecretScan.Leaking(entries, new Redactor(secrets));

        Assert.That(leaking.Select(e => e.Location), Is.EqualTo(new[] { "audit.jsonl:2", "audit.jsonl:3", "audit.jsonl:4", "audit.jsonl:5" }));
    }

    [Test]
    public void A_clean_trail_has_no_leaks()
    {
        var entries = new[] { Entry("""{"agent":"research-agent","correlationId":"4f1c2a","decision":"deny","reason":"outside allow-list"}""", 1) };

        Assert.That(AuditSecretScan.Leaking(entries, Redactor.PatternsOnly), Is.Empty);
    }
}
