using System.Text.Json;
using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.SystemModels;
using YamlDotNet.RepresentationModel;

namespace AgentCompliance.Cli.Tests;

/// <summary><c>agentcompliance init</c> as a new user tries it: scaffold, validate, run, and never clobber a file.</summary>
public sealed class InitCommandTests
{
    private static readonly string[] ScaffoldPaths =
    [
        "agentcompliance.yaml",
        "system-model.yaml",
        "features/agent-design.feature",
        "features/agent-code.feature",
        "agents/ResearchAgent.cs",
        "waivers.yaml",
        ".github/workflows/agentcompliance.yml",
    ];

    private string _folder = string.Empty;
    private string _project = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Directory.CreateTempSubdirectory("agentcompliance-init-").FullName;
        _project = Path.Combine(_folder, "compliance");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string InProject(string relativePath) => Path.Combine(_project, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private async Task InitAsync()
    {
        var init = await CliRun.StartAsync("init", _project);
        Assert.That(init.ExitCode, Is.EqualTo(ExitCodes.Success), init.Error);
    }

    [Test]
    public async Task Init_writes_every_file_prints_each_and_the_next_steps()
    {
        var init = await CliRun.StartAsync("init", _project);

        Assert.Multiple(() =>
        {
            Assert.That(init.ExitCode, Is.EqualTo(ExitCodes.Success), init.Error);
            Assert.That(init.Error, Is.Empty);
            foreach (var path in ScaffoldPaths)
            {
                Assert.That(File.Exists(InProject(path)), Is.True, path);
                Assert.That(File.ReadAllText(InProject(path)), Is.Not.Empty, path);
                Assert.That(init.OutputLines, Has.One.EqualTo($"wrote {InProject(path)}"));
            }

            Assert.That(init.OutputLines, Does.Contain("Next steps:"));
            Assert.That(init.Output, Does.Contain("agentcompliance validate --profile agentcompliance.yaml"));
            Assert.That(init.Output, Does.Contain("agentcompliance run --profile agentcompliance.yaml"));
        });
    }

    [Test]
    public async Task The_profile_validates_against_the_schema_and_points_at_the_scaffold()
    {
        await InitAsync();
        var path = InProject("agentcompliance.yaml");

        Assert.DoesNotThrow(() => SchemaValidatedDocumentLoader.ReadDocument(path, SchemaResources.Profile));
        var profile = TargetProfileLoader.Load(path);

        Assert.Multiple(() =>
        {
            Assert.That(profile.SystemModel, Is.EqualTo(InProject("system-model.yaml")));
            Assert.That(profile.Features, Is.EqualTo(new[] { InProject("features") }));
            Assert.That(profile.Analysis.Paths, Is.EqualTo(new[] { InProject("agents") }));
            Assert.That(profile.Waivers, Is.EqualTo(InProject("waivers.yaml")));
            Assert.That(profile.Gate.Mode, Is.EqualTo(GateMode.Enforce));
            Assert.That(profile.Gate.FailOnSeverity, Is.EqualTo(SeverityThreshold.High));
            // The secret is referenced, never written.
            Assert.That(profile.Agents.Single().Credentials?.Env, Is.EqualTo("RESEARCH_AGENT_CLIENT_SECRET"));
        });
    }

    [Test]
    public async Task The_commented_target_and_required_controls_are_valid_once_uncommented()
    {
        await InitAsync();
        var path = InProject("agentcompliance.yaml");
        var lines = File.ReadAllLines(path).ToList();
        var targetStart = lines.IndexOf("# target:");
        var targetEnd = lines.FindIndex(targetStart, string.IsNullOrWhiteSpace);
        for (var index = targetStart; index < targetEnd; index++)
        {
            lines[index] = lines[index][2..];
        }

        var uncommented = string.Join('\n', lines).Replace("  # requiredControls:", "  requiredControls:", StringComparison.Ordinal);

        var profile = TargetProfileLoader.LoadFromText(uncommented, path);

        Assert.Multiple(() =>
        {
            Assert.That(profile.Target.IdentityProvider?.Issuer, Is.EqualTo(new Uri("https://idp.example.test/")));
            Assert.That(profile.Target.AgentGateway, Is.Not.Null);
            Assert.That(profile.Target.PolicyDecisionPoint, Is.Not.Null);
            Assert.That(profile.Target.McpServers.Single().Name, Is.EqualTo("tool-server"));
            Assert.That(profile.Target.AuditLog, Is.Not.Null);
            Assert.That(profile.Gate.RequiredControls, Is.EqualTo(new[] { "framework:asi", "NHI7" }));
        });
    }

    [Test]
    public async Task The_system_model_skeleton_has_one_agent_one_tool_server_and_one_trust_boundary()
    {
        await InitAsync();

        var model = SystemModelLoader.Load(InProject("system-model.yaml"));

        Assert.Multiple(() =>
        {
            Assert.That(model.Agents, Has.Count.EqualTo(1));
            Assert.That(model.Services.Where(service => service.Kind == ServiceKind.McpServer).ToList(), Has.Count.EqualTo(1));
            Assert.That(model.TrustBoundaries, Has.Count.EqualTo(1));
            Assert.That(model.Tools.Single().Server, Is.EqualTo("tool-server"));
        });
    }

    [Test]
    public async Task The_waiver_file_is_empty_and_its_commented_example_is_a_valid_waiver()
    {
        await InitAsync();
        var path = InProject("waivers.yaml");
        var example = File.ReadAllLines(path)
            .SkipWhile(line => line != "# waivers:")
            .TakeWhile(line => line.StartsWith('#'))
            .Select(line => line[2..]);

        var waivers = WaiverFileLoader.Load(path, ControlCatalog.BuiltIn);
        var exampleWaivers = WaiverFileLoader.LoadFromText(string.Join('\n', example), path, ControlCatalog.BuiltIn);

        Assert.Multiple(() =>
        {
            Assert.That(waivers, Is.Empty);
            Assert.That(exampleWaivers.Single().Control, Is.EqualTo("NHI7"));
        });
    }

    [Test]
    public async Task Validate_accepts_the_scaffolded_profile_system_model_and_features()
    {
        await InitAsync();

        var validate = await CliRun.StartAsync("validate", "--profile", InProject("agentcompliance.yaml"), "--features", InProject("features"));

        Assert.Multiple(() =>
        {
            Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.Success), validate.Error);
            Assert.That(validate.Error, Is.Empty);
            Assert.That(validate.OutputLines, Has.Count.EqualTo(4));
            Assert.That(validate.OutputLines, Has.All.StartWith("ok: "));
            Assert.That(validate.Output, Does.Contain("agent-design.feature").And.Contain("agent-code.feature").And.Contain("system-model.yaml"));
        });
    }

    [Test]
    public async Task Run_in_the_scaffold_runs_both_example_scenarios_offline_and_both_pass()
    {
        await InitAsync();
        var reports = Path.Combine(_project, "reports");

        var run = await CliRun.StartAsync("run", "--profile", InProject("agentcompliance.yaml"), "--out", reports);

        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(reports, "results.json")));
        var statusByScenario = results.RootElement.GetProperty("scenarios").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Output + run.Error);
            Assert.That(statusByScenario, Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["Every agent has a short-lived workload identity of its own"] = "passed",
                ["Agent code holds no credentials and runs no model-chosen code"] = "passed",
            }));
            Assert.That(File.Exists(Path.Combine(reports, "threat-model.json")), Is.True, "the profile's system model yields a threat model");
        });
    }

    [Test]
    public async Task The_code_scenario_fails_as_documented_when_a_credential_is_added_to_the_sample_agent()
    {
        await InitAsync();
        var agent = InProject("agents/ResearchAgent.cs");
        var planted = File.ReadAllText(agent).Replace(
            "public sealed class DocumentIndex(HttpClient http)\n{\n",
            "public sealed class DocumentIndex(HttpClient http)\n{\n    private const string ApiKey = \"sk-live-0123456789abcdef0123456789abcdef\";\n",
            StringComparison.Ordinal);
        Assert.That(planted, Does.Contain("sk-live-"), "the sample agent still has the class the feature's comment tells users to change");
        File.WriteAllText(agent, planted);

        var run = await CliRun.StartAsync("run", "--profile", InProject("agentcompliance.yaml"), "--out", Path.Combine(_project, "reports"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed), run.Output + run.Error);
            Assert.That(run.Output, Does.Contain("FAILED     agent-code.feature:15"));
            Assert.That(run.Output, Does.Contain("AC0001"));
        });
    }

    [Test]
    public async Task The_workflow_installs_the_tool_runs_the_profile_and_uploads_sarif_and_reports()
    {
        await InitAsync();
        var stream = new YamlStream();
        using (var reader = new StreamReader(InProject(".github/workflows/agentcompliance.yml")))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var steps = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])["compliance"])["steps"]).Children.Cast<YamlMappingNode>().ToList();
        string? Value(YamlMappingNode node, string key) => node.Children.TryGetValue(key, out var value) ? ((YamlScalarNode)value).Value : null;
        var runs = steps.Select(step => Value(step, "run")).OfType<string>().ToList();
        var sarif = steps.Single(step => Value(step, "uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        var artifact = steps.Single(step => Value(step, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);

        Assert.Multiple(() =>
        {
            Assert.That(runs, Has.Some.StartWith("dotnet tool install --global AgentCompliance.Cli"));
            Assert.That(runs, Has.Some.StartWith("agentcompliance run --profile agentcompliance.yaml"));
            Assert.That(Value(sarif, "if"), Is.EqualTo("always()"));
            Assert.That(Value((YamlMappingNode)sarif["with"], "sarif_file"), Is.EqualTo("reports/results.sarif"));
            Assert.That(Value(artifact, "if"), Is.EqualTo("always()"));
            Assert.That(Value((YamlMappingNode)artifact["with"], "path"), Is.EqualTo("reports/"));
        });
    }

    [Test]
    public async Task An_existing_file_stops_init_with_exit_2_and_nothing_written()
    {
        Directory.CreateDirectory(_project);
        File.WriteAllText(InProject("waivers.yaml"), "mine\n");

        var init = await CliRun.StartAsync("init", _project);

        Assert.Multiple(() =>
        {
            Assert.That(init.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(init.ErrorLines, Has.Count.EqualTo(1));
            Assert.That(init.ErrorLines[0], Does.StartWith($"{InProject("waivers.yaml")}: already exists").And.Contain("--force"));
            Assert.That(File.ReadAllText(InProject("waivers.yaml")), Is.EqualTo("mine\n"));
            Assert.That(Directory.EnumerateFileSystemEntries(_project, "*", SearchOption.AllDirectories), Is.EqualTo(new[] { InProject("waivers.yaml") }));
        });
    }

    [Test]
    public async Task Force_overwrites_existing_files_with_the_scaffold()
    {
        await InitAsync();
        var original = File.ReadAllText(InProject("agentcompliance.yaml"));
        File.WriteAllText(InProject("agentcompliance.yaml"), "version: 1\nname: edited\n");

        var init = await CliRun.StartAsync("init", _project, "--force");

        Assert.Multiple(() =>
        {
            Assert.That(init.ExitCode, Is.EqualTo(ExitCodes.Success), init.Error);
            Assert.That(File.ReadAllText(InProject("agentcompliance.yaml")), Is.EqualTo(original));
            Assert.That(TargetProfileLoader.Load(InProject("agentcompliance.yaml")).Name, Is.EqualTo("my-agent-platform"));
        });
    }
}
