using System.Text.Json;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Sarif;
using NJsonSchema;

namespace AgentCompliance.Analysis.Tests;

/// <summary>
/// The SARIF log is valid against the SARIF 2.1.0 JSON schema and carries what code scanning reads.
/// Schemas/sarif-2.1.0.json is the public SARIF 2.1.0 schema as published to SchemaStore (sarif-2.1.0-rtm.5.json,
/// draft-04), vendored unchanged from the MIT-licensed <c>@microsoft/jest-sarif</c> npm package.
/// </summary>
[TestFixture]
public sealed class SarifOutputTests
{
    private static readonly string SchemaPath = Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", "sarif-2.1.0.json");

    [Test]
    public async Task Sarif_for_every_vulnerable_fixture_is_valid_against_the_schema()
    {
        var report = AnalyzeAllVulnerable();
        var sarif = SarifWriter.Serialize(report);
        var schema = await JsonSchema.FromFileAsync(SchemaPath);

        var errors = schema.Validate(sarif);

        Assert.Multiple(() =>
        {
            Assert.That(report.Findings, Is.Not.Empty);
            Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors.Select(error => $"{error.Path}: {error.Kind}")));
        });
    }

    [Test]
    public async Task Schema_validation_rejects_a_result_without_a_message()
    {
        // Guards the guard: a broken log must fail validation, or the test above proves nothing.
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        const string broken = """{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [ { "ruleId": "AC0001" } ] } ] }""";

        Assert.That(schema.Validate(broken), Is.Not.Empty);
    }

    [Test]
    public void Rules_and_results_carry_levels_tags_security_severity_locations_and_fingerprints()
    {
        var report = AnalyzeAllVulnerable();
        using var document = JsonDocument.Parse(SarifWriter.Serialize(report));
        var run = document.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var ac0001 = rules.Single(rule => rule.GetProperty("id").GetString() == "AC0001");
        var first = results.First(result => result.GetProperty("ruleId").GetString() == "AC0001");
        var region = first.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        var artifact = first.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");

        Assert.Multiple(() =>
        {
            Assert.That(document.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
            Assert.That(ac0001.GetProperty("name").GetString(), Is.EqualTo("HardcodedCredential"));
            Assert.That(ac0001.GetProperty("defaultConfiguration").GetProperty("level").GetString(), Is.EqualTo("error"));
            Assert.That(ac0001.GetProperty("properties").GetProperty("security-severity").GetString(), Is.EqualTo("9.0"));
            Assert.That(ac0001.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()), Does.Contain("NHI2").And.Contain("security"));
            Assert.That(ac0001.GetProperty("help").GetProperty("text").GetString(), Is.Not.Empty);
            Assert.That(rules[first.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), Is.EqualTo("AC0001"));
            Assert.That(first.GetProperty("level").GetString(), Is.EqualTo("error"));
            Assert.That(artifact.GetProperty("uri").GetString(), Is.EqualTo("AC0001/Vulnerable.cs"));
            Assert.That(artifact.GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
            Assert.That(region.GetProperty("startLine").GetInt32(), Is.EqualTo(9));
            Assert.That(region.GetProperty("startColumn").GetInt32(), Is.EqualTo(41), "column of the opening quote, 1-based");
            Assert.That(region.GetProperty("endColumn").GetInt32(), Is.GreaterThan(region.GetProperty("startColumn").GetInt32()));
            Assert.That(first.GetProperty("partialFingerprints").EnumerateObject().Single().Value.GetString(), Has.Length.EqualTo(32));
            Assert.That(results.Select(result => result.GetProperty("partialFingerprints").EnumerateObject().Single().Value.GetString()), Is.Unique);
        });
    }

    [Test]
    public void Messages_never_contain_the_secret_value()
    {
        var report = FixtureFiles.Analyze(FixtureFiles.PathOf("AC0001", "Vulnerable"));
        var sarif = SarifWriter.Serialize(report);

        Assert.Multiple(() =>
        {
            Assert.That(sarif, Does.Not.Contain("sk-proj-4f9QmT2xLr8ZpV1nW7cYbK3dHs6JgA0e"));
            Assert.That(sarif, Does.Not.Contain("P@ssw0rd-2025"));
            Assert.That(sarif, Does.Not.Contain("bXlrZXlpc3NlY3JldA=="));
        });
    }

    [Test]
    public void Fingerprints_survive_edits_elsewhere_in_the_file()
    {
        var directory = Directory.CreateTempSubdirectory("agentcompliance-fp-").FullName;
        try
        {
            var source = File.ReadAllText(FixtureFiles.PathOf("AC0003", "Vulnerable"));
            var original = Path.Combine(directory, "Broker.cs");
            File.WriteAllText(original, source);
            var before = Fingerprints(original);
            File.WriteAllText(original, "// a new header comment\n\n" + source);
            var after = Fingerprints(original);

            Assert.That(after, Is.EqualTo(before).And.Not.Empty);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Fingerprints_and_messages_carry_no_secret_material()
    {
        var directory = Directory.CreateTempSubdirectory("agentcompliance-fp-").FullName;
        try
        {
            var path = Path.Combine(directory, "Peers.cs");
            const string template = """
                public static class Peers
                {
                    public const string ApiKey = "SECRET";
                    public static readonly System.Uri Planner = new("http://agent:SECRET@planner.internal/a2a");
                }
                """;
            File.WriteAllText(path, template.Replace("SECRET", "Winter2025!Agent", StringComparison.Ordinal));
            var first = new CodeAnalyzer().Analyze(Loading.CodebaseLoader.Load(path));
            File.WriteAllText(path, template.Replace("SECRET", "Summer2026?Other", StringComparison.Ordinal));
            var second = new CodeAnalyzer().Analyze(Loading.CodebaseLoader.Load(path));

            Assert.Multiple(() =>
            {
                Assert.That(first.Findings.Select(finding => finding.Rule.Id), Is.EquivalentTo(new[] { "AC0001", "AC0016" }));
                Assert.That(second.Findings.Select(finding => finding.Fingerprint), Is.EqualTo(first.Findings.Select(finding => finding.Fingerprint)),
                    "a fingerprint that changes with the value would be derived from the secret");
                Assert.That(SarifWriter.Serialize(first), Does.Not.Contain("Winter2025"));
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<string> Fingerprints(string path) =>
        new CodeAnalyzer().Analyze(Loading.CodebaseLoader.Load(path)).Findings.Select(finding => finding.Fingerprint).ToList();

    private static AnalysisReport AnalyzeAllVulnerable() =>
        FixtureFiles.Analyze(Rules.BuiltInRules.All.Select(rule => FixtureFiles.PathOf(rule.Descriptor.Id, "Vulnerable")).ToArray());
}
