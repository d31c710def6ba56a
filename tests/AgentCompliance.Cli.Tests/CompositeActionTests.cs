using System.Reflection;
using System.Text.RegularExpressions;
using AgentCompliance.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace AgentCompliance.Cli.Tests;

/// <summary>
/// Runs the composite action's shell steps the way a GitHub runner would — bash with <c>-eo pipefail</c>, the step's
/// <c>env:</c> and working directory, <c>GITHUB_ACTION_PATH</c>, <c>RUNNER_TEMP</c>, <c>GITHUB_OUTPUT</c> and
/// <c>GITHUB_STEP_SUMMARY</c> set and every <c>${{ }}</c> expression replaced — against a small offline feature
/// folder: the CLI is packed from this build, installed into the runner temp folder, and the gate's exit code, outputs
/// and job summary come out as a workflow would see them. <c>uses:</c> steps (setup-dotnet, upload-artifact) are
/// GitHub's own and are not run.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Packaging")]
public sealed partial class CompositeActionTests
{
    private const string Revocation = """
        @ASI03
        Feature: Revocation
          Scenario: Passes
            Given a step that passes

          @severity:high
          Scenario: Token outlives its task
            When a step fails with "token was not revoked"
        """;

    private string _folder = null!;

    [OneTimeSetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("agentcompliance-action-").FullName;

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task The_action_packs_installs_and_runs_the_cli_and_reports_the_failed_gate()
    {
        var workspace = Path.Combine(_folder, "workspace");
        var runnerTemp = Path.Combine(_folder, "runner-temp");
        Directory.CreateDirectory(Path.Combine(workspace, "features"));
        Directory.CreateDirectory(runnerTemp);
        await File.WriteAllTextAsync(Path.Combine(workspace, "features", "revocation.feature"), Revocation);
        var githubOutput = Path.Combine(_folder, "github-output");
        var summary = Path.Combine(_folder, "step-summary.md");
        var bindings = Path.Combine(TestContext.CurrentContext.TestDirectory, "AgentCompliance.TestBindings.dll");
        var configuration = typeof(CompositeActionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

        // The tests already built the CLI in this configuration: pack that build rather than compiling it again.
        var inputs = new Dictionary<string, string>
        {
            ["features"] = "features",
            ["fail-on-severity"] = "high",
            ["out"] = "reports",
            ["args"] = $"--bindings {bindings}",
            ["pack-args"] = $"--no-build --no-restore -c {configuration}",
        };
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTION_PATH"] = RepositoryLayout.PathOf(".github", "actions", "agentcompliance"),
            ["GITHUB_WORKSPACE"] = workspace,
            ["RUNNER_TEMP"] = runnerTemp,
            ["GITHUB_OUTPUT"] = githubOutput,
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GITHUB_ACTIONS"] = "true",

            // Every build packs the same version: a private package cache makes the install take this package.
            ["NUGET_PACKAGES"] = Path.Combine(_folder, "packages"),
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };

        var results = new List<(string Name, StepRun Run)>();
        foreach (var step in ShellSteps(GitHubWorkflowFiles.Load(GitHubWorkflowFiles.ActionPath), inputs))
        {
            var run = await RunStepAsync(step, workspace, environment);
            results.Add((step.Name, run));
            if (run.ExitCode != 0)
            {
                break;
            }
        }

        var outputs = File.ReadAllLines(githubOutput).Select(line => line.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        var reports = Path.Combine(workspace, "reports");
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Name), Is.EqualTo(new[] { "Build and install agentcompliance", "Run agentcompliance" }));
            Assert.That(results[0].Run.ExitCode, Is.Zero, results[0].Run.Output);
            Assert.That(File.Exists(Path.Combine(runnerTemp, "agentcompliance-tool", "agentcompliance")), Is.True, "installed into the runner temp folder");
            Assert.That(results[1].Run.ExitCode, Is.EqualTo(ExitCodes.GateFailed), results[1].Run.Output);
            Assert.That(results[1].Run.Output, Does.Contain("::error file=features/revocation.feature,line=7,title=ASI03 failed (high)::Token outlives its task: When a step fails with \"token was not revoked\""));
            Assert.That(outputs["exit-code"], Is.EqualTo("1"));
            Assert.That(outputs["results"], Is.EqualTo(Path.Combine(reports, "results.json")));
            Assert.That(outputs["sarif"], Is.EqualTo(Path.Combine(reports, "results.sarif")));
            Assert.That(File.Exists(outputs["sarif"]), Is.True);
            Assert.That(File.Exists(summary), Is.True, "the job summary is written");
        });
        Assert.That(await File.ReadAllTextAsync(summary), Does.Contain("gate FAILED — exit code 1").And.Contain("`features/revocation.feature:7`"));
    }

    private sealed record ShellStep(string Name, string Script, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment);

    private sealed record StepRun(int ExitCode, string Output);

    /// <summary>The action's <c>run:</c> steps with inputs (or their defaults) and the action path substituted; an expression the test cannot evaluate fails it.</summary>
    private static List<ShellStep> ShellSteps(YamlMappingNode action, IReadOnlyDictionary<string, string> given)
    {
        var defaults = ((YamlMappingNode)action.Get("inputs")!).Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value!, pair => pair.Value.Text("default") ?? string.Empty, StringComparer.Ordinal);
        string Evaluate(string text) => Expression().Replace(text, match =>
        {
            var expression = match.Groups["expression"].Value.Trim();
            if (expression.StartsWith("inputs.", StringComparison.Ordinal))
            {
                var name = expression["inputs.".Length..];
                return given.TryGetValue(name, out var value) ? value : defaults[name];
            }

            Assert.Fail($"the test cannot evaluate ${{{{ {expression} }}}} in a run step");
            return string.Empty;
        });

        var steps = new List<ShellStep>();
        foreach (var step in ((YamlSequenceNode)action.Get("runs")!.Get("steps")!).Children.Where(s => s.Get("run") is not null))
        {
            Assert.That(step.Get("if"), Is.Null, "a run step with a condition would need the condition evaluated");
            var environment = step.Get("env").Keys().ToDictionary(key => key, key => Evaluate(step.Get("env")!.Text(key)!), StringComparer.Ordinal);
            steps.Add(new ShellStep(step.Text("name")!, Evaluate(step.Text("run")!), Evaluate(step.Text("working-directory") ?? "."), environment));
        }

        return steps;
    }

    private async Task<StepRun> RunStepAsync(ShellStep step, string workspace, IReadOnlyDictionary<string, string> environment)
    {
        var script = Path.Combine(_folder, $"step-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(script, step.Script);
        // What a runner runs for `shell: bash`.
        var run = await ChildProcess.RunAsync(
            "bash", Path.GetFullPath(step.WorkingDirectory, workspace), ["--noprofile", "--norc", "-eo", "pipefail", script], environment.Concat(step.Environment));
        return new StepRun(run.ExitCode, run.Output + run.Error);
    }

    [GeneratedRegex(@"\$\{\{(?<expression>.*?)\}\}")]
    private static partial Regex Expression();
}
