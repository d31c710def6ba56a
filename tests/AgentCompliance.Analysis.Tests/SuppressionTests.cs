using System.Text.Json;
using AgentCompliance.Analysis.Loading;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Sarif;
using AgentCompliance.Analysis.Suppressions;

namespace AgentCompliance.Analysis.Tests;

/// <summary>In-source suppressions count only with a justification; suppressed findings stay visible with it.</summary>
[TestFixture]
public sealed class SuppressionTests
{
    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("agentcompliance-suppress-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Pragma_with_justification_suppresses_until_restore()
    {
        var report = Analyze("""
            public class Keys
            {
            #pragma warning disable AC0001 // public test vector from the provider's documentation
                private const string ApiKey = "sk-proj-4f9QmT2xLr8ZpV1nW7cYbK3dHs6JgA0e";
            #pragma warning restore AC0001
                private const string OtherApiKey = "sk-proj-9z8y7x6w5v4u3t2s1r0qponmlkjihgfe";
            }
            """);

        var findings = report.Findings.Where(finding => finding.Rule.Id == "AC0001").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(findings, Has.Count.EqualTo(2));
            Assert.That(findings[0].Suppression?.Justification, Is.EqualTo("public test vector from the provider's documentation"));
            Assert.That(findings[0].Suppression?.Kind, Is.EqualTo(SuppressionKind.InSource));
            Assert.That(findings[1].IsSuppressed, Is.False, "restore ends the suppression");
            Assert.That(report.HasFindingsAtOrAbove(RuleSeverity.Error), Is.True);
        });
    }

    [Test]
    public void Pragma_without_justification_does_not_suppress_and_adds_a_note()
    {
        var report = Analyze("""
            public class Keys
            {
            #pragma warning disable AC0001
                private const string ApiKey = "sk-proj-4f9QmT2xLr8ZpV1nW7cYbK3dHs6JgA0e";
            }
            """);

        var credential = report.Findings.Single(finding => finding.Rule.Id == "AC0001");
        var note = report.Findings.Single(finding => finding.Rule.Id == "AC0000");
        Assert.Multiple(() =>
        {
            Assert.That(credential.IsSuppressed, Is.False);
            Assert.That(note.Severity, Is.EqualTo(RuleSeverity.Note));
            Assert.That(note.Location.StartLine, Is.EqualTo(3));
            Assert.That(note.Message, Does.Contain("AC0001").And.Contain("justification"));
        });
    }

    [Test]
    public void SuppressMessage_with_justification_suppresses_the_member_only()
    {
        var report = Analyze("""
            using System.Diagnostics.CodeAnalysis;

            public class Keys
            {
                [SuppressMessage("AgentCompliance", "AC0001:HardcodedCredential", Justification = "local emulator key, documented as public")]
                public string Emulator() { var storageKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsu"; return storageKey; }

                public string Real() { var storageKey = "Zx8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuQ"; return storageKey; }
            }
            """);

        var findings = report.Findings.Where(finding => finding.Rule.Id == "AC0001").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(findings, Has.Count.EqualTo(2));
            Assert.That(findings.Single(finding => finding.Location.StartLine == 6).Suppression?.Justification, Is.EqualTo("local emulator key, documented as public"));
            Assert.That(findings.Single(finding => finding.Location.StartLine == 8).IsSuppressed, Is.False);
        });
    }

    [TestCase("")]
    [TestCase(", Justification = \"<Pending>\"")]
    public void SuppressMessage_without_real_justification_does_not_suppress(string justification)
    {
        var report = Analyze($$"""
            using System.Diagnostics.CodeAnalysis;

            [SuppressMessage("AgentCompliance", "AC0001"{{justification}})]
            public class Keys
            {
                private const string ApiKey = "sk-proj-4f9QmT2xLr8ZpV1nW7cYbK3dHs6JgA0e";
            }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(report.Findings.Single(finding => finding.Rule.Id == "AC0001").IsSuppressed, Is.False);
            Assert.That(report.Findings.Single(finding => finding.Rule.Id == "AC0000").Location.StartLine, Is.EqualTo(3));
        });
    }

    [Test]
    public void Suppression_for_another_rule_or_category_does_not_apply()
    {
        var report = Analyze("""
            using System.Diagnostics.CodeAnalysis;

            [SuppressMessage("AgentCompliance", "AC0003", Justification = "other rule")]
            [SuppressMessage("Security", "AC0001", Justification = "other category")]
            public class Keys
            {
            #pragma warning disable CS0168 // compiler warning, not ours
                private const string ApiKey = "sk-proj-4f9QmT2xLr8ZpV1nW7cYbK3dHs6JgA0e";
            }
            """);

        Assert.That(report.Findings.Single().IsSuppressed, Is.False);
    }

    [Test]
    public void Suppressed_findings_stay_in_sarif_with_their_justification()
    {
        var report = Analyze("""
            public class Keys
            {
            #pragma warning disable AC0001 // rotated weekly by the test harness
                private const string ApiKey = "sk-proj-4f9QmT2xLr8ZpV1nW7cYbK3dHs6JgA0e";
            }
            """);

        using var document = JsonDocument.Parse(SarifWriter.Serialize(report));
        var result = document.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        var suppression = result.GetProperty("suppressions")[0];
        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("ruleId").GetString(), Is.EqualTo("AC0001"));
            Assert.That(suppression.GetProperty("kind").GetString(), Is.EqualTo("inSource"));
            Assert.That(suppression.GetProperty("justification").GetString(), Is.EqualTo("rotated weekly by the test harness"));
            Assert.That(report.HasFindingsAtOrAbove(RuleSeverity.Note), Is.False);
        });
    }

    [Test]
    public void External_source_suppresses_what_the_code_does_not()
    {
        var path = Write("""
            public class Keys
            {
                private const string ApiKey = "sk-proj-4f9QmT2xLr8ZpV1nW7cYbK3dHs6JgA0e";
            }
            """);
        var waiver = new WaiverByRule("AC0001", "accepted until the vault migration (RISK-42)");

        var report = new CodeAnalyzer(suppressionSources: [waiver]).Analyze(CodebaseLoader.Load(path));

        var finding = report.Findings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Suppression?.Kind, Is.EqualTo(SuppressionKind.External));
            Assert.That(finding.Suppression?.Justification, Is.EqualTo("accepted until the vault migration (RISK-42)"));
            Assert.That(SarifWriter.Serialize(report), Does.Contain("\"kind\": \"external\""));
        });
    }

    private AnalysisReport Analyze(string source) => new CodeAnalyzer().Analyze(CodebaseLoader.Load(Write(source)));

    private string Write(string source)
    {
        var path = Path.Combine(directory, "Keys.cs");
        File.WriteAllText(path, source);
        return path;
    }

    private sealed class WaiverByRule(string ruleId, string justification) : ISuppressionSource
    {
        public FindingSuppression? FindSuppression(Finding finding) =>
            finding.Rule.Id == ruleId ? new FindingSuppression(SuppressionKind.External, justification, "waiver test") : null;
    }
}
