namespace AgentCompliance.Cli.Tests;

/// <summary><c>agentcompliance validate</c> as CI runs it: exit codes, ok lines, one line per problem, no secrets.</summary>
public sealed class ValidateCommandTests
{
    private const string ValidSystemModel = """
        version: 1
        name: tiny
        agents:
          - id: planner
            name: Planner
        """;

    private string directory = string.Empty;

    [SetUp]
    public void CreateFolder() => directory = Directory.CreateTempSubdirectory("agentcompliance-cli-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(directory, recursive: true);

    [Test]
    public async Task Sample_profile_and_its_system_model_are_ok()
    {
        var profile = SamplePath("profiles", "demo.agentcompliance.yaml");

        var run = await CliRun.StartAsync("validate", "--profile", profile);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Error, Is.Empty);
            Assert.That(run.OutputLines[0], Is.EqualTo($"ok: {profile}"));
            Assert.That(run.OutputLines[1], Does.StartWith("ok: ").And.EndWith("acme-agent-controls.json"));
            Assert.That(run.OutputLines[2], Does.StartWith("ok: ").And.EndWith("reference-platform.yaml"));
            Assert.That(run.OutputLines.Skip(3).ToList(), Has.Count.EqualTo(DemoFeatureFiles()).And.All.StartWith("ok: ").And.All.EndWith(".feature"));
        });
    }

    [Test]
    public async Task Invalid_profile_exits_2_with_one_located_line_per_problem()
    {
        var profile = Write("agentcompliance.yaml", """
            version: 1
            name: demo
            timeouts:
              requestSeconds: "30"
            gate:
              mode: enforced
            """);

        var run = await CliRun.StartAsync("validate", "--profile", profile);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Output, Is.Empty);
            Assert.That(run.ErrorLines, Is.EqualTo(new[]
            {
                $"{profile}:4:19: timeouts.requestSeconds: expected a number, found a quoted string (hint: remove the quotes: a quoted number is text in YAML)",
                $"{profile}:6:9: gate.mode: is not one of the allowed values (hint: did you mean 'enforce'? allowed values: enforce, report-only)",
            }));
        });
    }

    [Test]
    public async Task Inline_secret_is_refused_without_being_printed()
    {
        const string secret = "Zq8-live-client-secret-41x";
        var profile = Write("agentcompliance.yaml", $"""
            version: 1
            name: demo
            agents:
              - name: bot
                clientId: bot
                credentials: {secret}
            """);

        var run = await CliRun.StartAsync("validate", "--profile", profile);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines.Single(), Does.StartWith($"{profile}:6:18: agents[0].credentials: must reference the secret with {{env: VARIABLE}} or {{file: path}}"));
            Assert.That(run.Error + run.Output, Does.Not.Contain(secret));
        });
    }

    [Test]
    public async Task Syntax_error_is_one_line_without_stack_trace()
    {
        var profile = Write("agentcompliance.yaml", "version: 1\nname: \"demo\n");

        var run = await CliRun.StartAsync("validate", "--profile", profile);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines.Single(), Does.StartWith($"{profile}:2:7: invalid YAML: a quoted value is never closed"));
            Assert.That(run.Error, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public async Task Missing_profile_exits_2()
    {
        var profile = Path.Combine(directory, "absent.yaml");

        var run = await CliRun.StartAsync("validate", "--profile", profile);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines.Single(), Does.StartWith($"{profile}: file not found"));
        });
    }

    [Test]
    public async Task System_model_named_by_the_profile_is_validated_too()
    {
        Write("model.yaml", "version: 1\nname: tiny\nagents:\n  - id: a\n    name: A\n    tools: [missing-tool]\n");
        var profile = Write("agentcompliance.yaml", "version: 1\nname: demo\nsystemModel: model.yaml\n");

        var run = await CliRun.StartAsync("validate", "--profile", profile);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.OutputLines, Is.EqualTo(new[] { $"ok: {profile}" }));
            Assert.That(run.ErrorLines.Single(), Does.EndWith("model.yaml:6:13: agents[0].tools[0]: refers to an id that is not defined (hint: define a tool with this id, or fix the reference)"));
        });
    }

    [Test]
    public async Task Problems_of_profile_and_system_model_are_reported_together()
    {
        var model = Write("model.yaml", "version: 1\nname: tiny\nagents:\n  - id: a\n");
        var profile = Write("agentcompliance.yaml", "version: 1\n");

        var run = await CliRun.StartAsync("validate", "--profile", profile, "--system", model);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines, Is.EqualTo(new[]
            {
                $"{profile}:1:1: missing required key 'name' (hint: add 'name:' to this mapping — Name of the deployment under test, shown in reports.)",
                $"{model}:4:5: agents[0]: missing required key 'name' (hint: add 'name:' to this mapping)",
            }));
        });
    }

    [Test]
    public async Task System_model_alone_can_be_validated()
    {
        var model = Write("model.yaml", ValidSystemModel);

        var run = await CliRun.StartAsync("validate", "--system", model);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.OutputLines, Is.EqualTo(new[] { $"ok: {model}" }));
        });
    }

    [Test]
    [NonParallelizable]
    public async Task Profile_in_the_current_folder_is_the_default()
    {
        Write("agentcompliance.yaml", "version: 1\nname: demo\n");
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = directory;
        try
        {
            var found = await CliRun.StartAsync("validate");
            File.Delete(Path.Combine(directory, "agentcompliance.yaml"));
            var missing = await CliRun.StartAsync("validate");

            Assert.Multiple(() =>
            {
                Assert.That(found.ExitCode, Is.Zero, found.Error);
                Assert.That(found.OutputLines, Is.EqualTo(new[] { "ok: agentcompliance.yaml" }));
                Assert.That(missing.ExitCode, Is.EqualTo(2));
                Assert.That(missing.ErrorLines.Single(), Does.StartWith("agentcompliance.yaml: no file to validate: file not found (hint:"));
            });
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    // The feature files of the folders the demo profile names, each of which validate reports.
    private static int DemoFeatureFiles() =>
        new[] { "design", "code", "memory", "models", "environments", "resilience", "governance", "human-oversight" }
            .Sum(folder => Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "features", folder), "*.feature", SearchOption.AllDirectories).Length);

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string SamplePath(params string[] parts) => RepositoryLayout.PathOf(["samples", .. parts]);
}
