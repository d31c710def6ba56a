using AgentCompliance.Core.Configuration;
using AgentCompliance.Steps.Code;

namespace AgentCompliance.Steps.Tests.Code;

/// <summary>
/// The code-analysis steps over small folders of agent code: the vulnerable folder fails each step naming the file
/// and line of the weakness, its fixed twin passes with evidence of what was analysed.
/// </summary>
[TestFixture]
public sealed class CodeFindingStepTests
{
    private const string VulnerableTools = """
        using System.ComponentModel;
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;
        using Microsoft.SemanticKernel;

        public class ShellPlugin(ILogger<ShellPlugin> logger)
        {
            private const string ApiKey = "sk-proj-4f9QmT2xLr8ZpV1nW7cYbK3dHs6JgA0e";

            [KernelFunction, Description("Runs a diagnostic command")]
            public string RunDiagnostic(string command)
            {
                logger.LogInformation("diagnostic requested");
                var process = Process.Start("/bin/sh", "-c " + command);
                return process!.StandardOutput.ReadToEnd();
            }
        }
        """;

    private const string FixedTools = """
        using System.ComponentModel;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;
        using Microsoft.SemanticKernel;

        public class DiagnosticsPlugin(IConfiguration configuration, ILogger<DiagnosticsPlugin> logger)
        {
            private string ApiKey => configuration["OpenAI:ApiKey"]!;

            [KernelFunction, Description("Reports free disk space")]
            public long FreeDisk()
            {
                logger.LogInformation("disk space requested");
                return new DriveInfo("/").AvailableFreeSpace;
            }
        }
        """;

    private string _root = null!;

    [SetUp]
    public void CreateFolders()
    {
        _root = Path.Combine(Path.GetTempPath(), "agentcompliance-code-steps", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "vulnerable"));
        Directory.CreateDirectory(Path.Combine(_root, "fixed"));
        File.WriteAllText(Path.Combine(_root, "vulnerable", "ShellPlugin.cs"), VulnerableTools);
        File.WriteAllText(Path.Combine(_root, "fixed", "DiagnosticsPlugin.cs"), FixedTools);
    }

    [TearDown]
    public void DeleteFolders() => Directory.Delete(_root, recursive: true);

    private (AgentCodeContext Context, RecordingOutputHelper Output) Given(string folder)
    {
        var context = new AgentCodeContext();
        var output = new RecordingOutputHelper();
        new AgentCodeSteps(context, new TargetContext(), output).GivenTheAgentCodeAt(Path.Combine(_root, folder));
        return (context, output);
    }

    private static readonly (string Name, Action<CodeFindingSteps> Step, string[] Expected)[] Steps =
    [
        ("control ASI05", steps => steps.ThenNoFindingMapsToControl("ASI05"), ["ShellPlugin.cs:14:", "AC0008"]),
        ("control spelled asi-05", steps => steps.ThenNoFindingMapsToControl("asi-05"), ["ShellPlugin.cs:14:", "AC0008"]),
        ("control NHI2", steps => steps.ThenNoFindingMapsToControl("NHI2"), ["ShellPlugin.cs:8:", "AC0001"]),
        ("rule AC0001", steps => steps.ThenThereIsNoFindingOfRule("AC0001"), ["ShellPlugin.cs:8:", "AC0001"]),
        ("rule AC0008", steps => steps.ThenThereIsNoFindingOfRule("ac0008"), ["ShellPlugin.cs:14:", "AC0008"]),
        ("severity error", steps => steps.ThenThereIsNoFindingAtOrAboveSeverity("error"), ["ShellPlugin.cs:8:", "ShellPlugin.cs:14:"]),
        ("severity note", steps => steps.ThenThereIsNoFindingAtOrAboveSeverity("Note"), ["ShellPlugin.cs:8:", "ShellPlugin.cs:14:"]),
    ];

    private static IEnumerable<TestCaseData> StepNames() => Steps.Select(step => new TestCaseData(step.Name).SetArgDisplayNames(step.Name));

    [TestCaseSource(nameof(StepNames))]
    public void Vulnerable_code_fails_naming_the_file_and_line(string name)
    {
        var step = Steps.Single(s => s.Name == name);
        var (context, output) = Given("vulnerable");

        var failure = Assert.Throws<ControlFailedException>(() => step.Step(new CodeFindingSteps(context, output)))!;

        Assert.Multiple(() =>
        {
            foreach (var expected in step.Expected)
            {
                Assert.That(failure.Message, Does.Contain(expected));
            }

            Assert.That(failure.Message, Does.Not.Contain("4f9QmT2xLr8ZpV1nW7cYbK3dHs6JgA0e"), "a finding must never reveal the secret");
        });
    }

    [TestCaseSource(nameof(StepNames))]
    public void Fixed_code_passes_with_evidence_of_what_was_analysed(string name)
    {
        var (context, output) = Given("fixed");

        Assert.DoesNotThrow(() => Steps.Single(s => s.Name == name).Step(new CodeFindingSteps(context, output)));
        Assert.That(output.Lines, Has.Some.Contains("1 C# files").And.Some.Contains("rules"));
    }

    [Test]
    public void A_control_step_only_counts_findings_of_rules_mapped_to_that_control()
    {
        var (context, output) = Given("vulnerable");

        Assert.DoesNotThrow(() => new CodeFindingSteps(context, output).ThenNoFindingMapsToControl("ASI01"));
        Assert.That(output.Lines.Last(), Does.Contain("no finding maps to ASI01").And.Contain("AC0014"));
    }

    [Test]
    public void An_unknown_control_fails_naming_the_closest_one()
    {
        var (context, output) = Given("fixed");

        var failure = Assert.Throws<ArgumentException>(() => new CodeFindingSteps(context, output).ThenNoFindingMapsToControl("ASI11"))!;

        Assert.That(failure.Message, Does.Contain("unknown control 'ASI11'").And.Contain("did you mean 'ASI"));
    }

    [Test]
    public void A_control_no_rule_maps_cannot_pass()
    {
        var (context, output) = Given("fixed");

        var failure = Assert.Throws<ArgumentException>(() => new CodeFindingSteps(context, output).ThenNoFindingMapsToControl("GOVERN 1.1"))!;

        Assert.That(failure.Message, Does.Contain("no analysis rule maps to control"));
    }

    [Test]
    public void An_unknown_rule_fails_naming_the_valid_ones()
    {
        var (context, output) = Given("fixed");

        var failure = Assert.Throws<ArgumentException>(() => new CodeFindingSteps(context, output).ThenThereIsNoFindingOfRule("AC0099"))!;

        Assert.That(failure.Message, Does.Contain("unknown analysis rule 'AC0099'").And.Contain("AC0001").And.Contain("AC0021"));
    }

    [Test]
    public void An_unknown_severity_fails_naming_the_valid_ones()
    {
        var (context, output) = Given("fixed");

        var failure = Assert.Throws<ArgumentException>(() => new CodeFindingSteps(context, output).ThenThereIsNoFindingAtOrAboveSeverity("critical"))!;

        Assert.That(failure.Message, Does.Contain("error, warning or note"));
    }

    [Test]
    public void A_justified_suppression_does_not_fail_the_step_and_is_shown_as_evidence()
    {
        var suppressed = VulnerableTools.Replace(
            "        var process = Process.Start",
            "#pragma warning disable AC0008 // diagnostics run only in the isolated sandbox image\n        var process = Process.Start",
            StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_root, "vulnerable", "ShellPlugin.cs"), suppressed);
        var (context, output) = Given("vulnerable");

        Assert.DoesNotThrow(() => new CodeFindingSteps(context, output).ThenThereIsNoFindingOfRule("AC0008"));
        Assert.That(output.Lines, Has.Some.StartsWith("suppressed: ShellPlugin.cs:15:").And.Some.Contains("isolated sandbox image"));
    }

    [Test]
    public void The_same_code_is_analysed_once_per_scenario()
    {
        var context = new AgentCodeContext();
        var output = new RecordingOutputHelper();
        var steps = new AgentCodeSteps(context, new TargetContext(), output);

        steps.GivenTheAgentCodeAt(Path.Combine(_root, "vulnerable"));
        var first = context.Reports.Single();
        steps.GivenTheAgentCodeAt(Path.Combine(_root, "vulnerable", ".", ""));

        Assert.Multiple(() =>
        {
            Assert.That(context.Reports.Single(), Is.SameAs(first));
            Assert.That(output.Lines[0], Does.StartWith("analysed "));
            Assert.That(output.Lines[1], Does.StartWith("reusing this scenario's analysis of "));
        });
    }

    [Test]
    public void The_targets_agent_code_comes_from_the_profiles_analysis_paths()
    {
        var context = new AgentCodeContext();
        var target = new TargetContext
        {
            Profile = new TargetProfile { Version = 1, Name = "code-steps", Analysis = new AnalysisSettings { Paths = [Path.Combine(_root, "vulnerable"), Path.Combine(_root, "fixed")] } },
        };

        new AgentCodeSteps(context, target, new RecordingOutputHelper()).GivenTheTargetsAgentCode();

        Assert.That(context.Reports.Sum(report => report.FileCount), Is.EqualTo(2));
    }

    [Test]
    public void Checking_findings_before_loading_code_says_how_to_load_it()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new CodeFindingSteps(new AgentCodeContext(), new RecordingOutputHelper()).ThenThereIsNoFindingOfRule("AC0001"))!;

        Assert.That(failure.Message, Does.Contain("Given the agent code at"));
    }
}
