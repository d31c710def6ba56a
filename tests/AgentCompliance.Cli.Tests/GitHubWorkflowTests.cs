using YamlDotNet.RepresentationModel;

namespace AgentCompliance.Cli.Tests;

/// <summary>
/// The project's CI workflow, the composite action, the reusable gate workflow and the example users copy: valid
/// YAML, every input used is declared, inputs passed along are accepted by what receives them, permissions explicit.
/// </summary>
public sealed class GitHubWorkflowTests
{
    private static IEnumerable<string> Files() => GitHubWorkflowFiles.All().Select(path => Path.GetRelativePath(RepositoryLayout.Root, path));

    [Test]
    public void The_expected_files_exist()
    {
        Assert.That(Files().Select(f => f.Replace('\\', '/')), Is.SupersetOf(new[]
        {
            ".github/actions/agentcompliance/action.yml",
            ".github/workflows/agentcompliance-gate.yml",
            ".github/workflows/ci.yml",
            ".github/workflows/example-release-gate.yml",
        }));
    }

    [TestCaseSource(nameof(Files))]
    public void Every_input_used_is_declared(string relativePath)
    {
        var path = Path.Combine(RepositoryLayout.Root, relativePath);
        var root = GitHubWorkflowFiles.Load(path);
        var declared = root.Get("runs") is not null
            ? root.Get("inputs").Keys()
            : root.Get("on").Get("workflow_call").Get("inputs").Keys().Concat(root.Get("on").Get("workflow_dispatch").Get("inputs").Keys());

        Assert.That(GitHubWorkflowFiles.InputsUsed(File.ReadAllText(path)), Is.SubsetOf(declared.ToList()), relativePath);
    }

    [Test]
    public void Project_ci_runs_the_same_command_as_the_ci_script()
    {
        var ci = GitHubWorkflowFiles.Load(GitHubWorkflowFiles.WorkflowPath("ci.yml"));
        var runs = ci.Map("jobs").Children.Values.SelectMany(job => ((YamlSequenceNode)job.Get("steps")!).Children).Select(step => step.Text("run")).OfType<string>();

        Assert.That(runs.Select(r => r.Trim()), Does.Contain("bash .ci/run"));
    }

    [Test]
    public void The_example_runs_only_when_started_by_hand()
    {
        var example = GitHubWorkflowFiles.Load(GitHubWorkflowFiles.WorkflowPath("example-release-gate.yml"));

        Assert.That(example.Get("on").Keys(), Is.EqualTo(new[] { "workflow_dispatch" }));
    }

    [Test]
    public void The_example_passes_only_inputs_the_reusable_workflow_declares_and_uses_a_bundled_profile()
    {
        var gate = GitHubWorkflowFiles.Load(GitHubWorkflowFiles.WorkflowPath("agentcompliance-gate.yml"));
        var example = GitHubWorkflowFiles.Load(GitHubWorkflowFiles.WorkflowPath("example-release-gate.yml"));
        var job = example.Map("jobs").Children.Values.Single();

        Assert.Multiple(() =>
        {
            Assert.That(job.Text("uses"), Is.EqualTo("./.github/workflows/agentcompliance-gate.yml"));
            Assert.That(job.Get("with").Keys().ToList(), Is.SubsetOf(gate.Get("on").Get("workflow_call").Get("inputs").Keys().ToList()));
            Assert.That(File.Exists(RepositoryLayout.PathOf(job.Get("with")!.Text("profile")!.Split('/'))), Is.True, "the example's profile is in the repository");
        });
    }

    [Test]
    public void The_reusable_workflow_passes_only_inputs_the_action_declares()
    {
        var action = GitHubWorkflowFiles.Load(GitHubWorkflowFiles.ActionPath);
        var gate = GitHubWorkflowFiles.Load(GitHubWorkflowFiles.WorkflowPath("agentcompliance-gate.yml"));
        var step = ((YamlSequenceNode)gate.Map("jobs").Map("gate").Get("steps")!).Children.Single(s => s.Text("uses")?.EndsWith("/.github/actions/agentcompliance", StringComparison.Ordinal) == true);

        Assert.That(step.Get("with").Keys().ToList(), Is.SubsetOf(action.Get("inputs").Keys().ToList()));
    }

    [Test]
    public void Reusable_workflow_permissions_are_explicit_and_only_the_sarif_job_writes_security_events()
    {
        var gate = GitHubWorkflowFiles.Load(GitHubWorkflowFiles.WorkflowPath("agentcompliance-gate.yml"));
        var jobs = gate.Map("jobs");

        Assert.Multiple(() =>
        {
            Assert.That(gate.Get("permissions")!.Text("contents"), Is.EqualTo("read"));
            Assert.That(jobs.Get("gate")!.Get("permissions").Keys(), Is.EqualTo(new[] { "contents" }));
            Assert.That(jobs.Get("gate")!.Get("permissions")!.Text("contents"), Is.EqualTo("read"));
            Assert.That(jobs.Get("sarif")!.Get("permissions")!.Text("security-events"), Is.EqualTo("write"));
            Assert.That(jobs.Get("sarif")!.Text("if"), Does.Contain("inputs.upload-sarif"));
            Assert.That(gate.Get("on").Get("workflow_call").Get("inputs")!.Get("upload-sarif")!.Text("type"), Is.EqualTo("boolean"));
        });
    }

    [Test]
    public void The_action_exposes_exit_code_results_and_sarif_and_always_uploads_the_reports()
    {
        var action = GitHubWorkflowFiles.Load(GitHubWorkflowFiles.ActionPath);
        var steps = ((YamlSequenceNode)action.Get("runs")!.Get("steps")!).Children;
        var upload = steps.Single(s => s.Text("uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);

        Assert.Multiple(() =>
        {
            Assert.That(action.Get("runs")!.Text("using"), Is.EqualTo("composite"));
            Assert.That(action.Get("outputs").Keys(), Is.SupersetOf(new[] { "exit-code", "results", "sarif" }));
            Assert.That(upload.Text("if"), Is.EqualTo("always()"));
            Assert.That(steps.Where(s => s.Get("run") is not null).Select(s => s.Text("shell")), Has.All.EqualTo("bash"));
        });
    }
}
