using System.Diagnostics;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Cli.Tests;

/// <summary>The <c>run</c> command end to end: arguments in, lines and exit code out.</summary>
public class RunCommandTests
{
    private static readonly string Bindings = Path.Combine(TestContext.CurrentContext.TestDirectory, "AgentCompliance.TestBindings.dll");
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "agentcompliance-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_folder, "features"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Feature(string name, string text)
    {
        var path = Path.Combine(_folder, "features", name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AgentComplianceApp.RunAsync(["run", .. arguments], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private const string Passing = """
        @ASI03
        Feature: Passing
          Scenario: Adds up
            Given the number 2
            When I add 3
            Then the total is 5
        """;

    private const string Failing = """
        Feature: Failing
          Scenario: Breaks
            When a step fails with "token was not revoked"
          Scenario: Not written yet
            Given a step nobody wrote
        """;

    [Test]
    public async Task All_passing_exits_0_with_one_line_per_scenario_and_writes_messages()
    {
        var features = Feature("passing.feature", Passing);
        var outDirectory = Path.Combine(_folder, "out");

        var (exitCode, output, error) = await RunAsync("--features", features, "--bindings", Bindings, "--out", outDirectory);

        var messages = CucumberMessageStream.Read(Path.Combine(outDirectory, "messages.ndjson"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("PASSED     passing.feature:3  Adds up"));
            Assert.That(output, Does.Match(@"1 scenarios?: 1 passed"));
            Assert.That(messages.Problems, Is.Empty);
            Assert.That(messages.StatusByScenario, Is.EquivalentTo(new Dictionary<string, string> { ["passing.feature:3"] = "PASSED" }));
            Assert.That(messages.TestRunFinished.GetProperty("success").GetBoolean(), Is.True);
            Assert.That(File.ReadAllText(Path.Combine(outDirectory, "results.json")), Does.Contain("\"passed\": 1"));
            Assert.That(File.ReadAllText(Path.Combine(outDirectory, "junit.xml")), Does.Contain("tests=\"1\""));
        });
    }

    [Test]
    public async Task A_failed_or_undefined_scenario_exits_1_and_says_why()
    {
        Feature("failing.feature", Failing);
        Feature("passing.feature", Passing);

        var (exitCode, output, _) = await RunAsync("--features", Path.Combine(_folder, "features"), "--bindings", Bindings, "--out", Path.Combine(_folder, "out"), "--parallel", "2");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(output, Does.Contain("FAILED     failing.feature:2  Breaks"));
            Assert.That(output, Does.Contain("InvalidOperationException: token was not revoked"));
            Assert.That(output, Does.Contain("UNDEFINED  failing.feature:4  Not written yet"));
            Assert.That(output, Does.Contain("[Given(\"a step nobody wrote\")]"));
            Assert.That(output, Does.Contain("3 scenarios: 1 passed, 1 failed, 1 undefined"));
            Assert.That(output, Does.Contain("wrote "));
        });
    }

    [Test]
    public async Task The_tag_expression_selects_scenarios()
    {
        Feature("failing.feature", Failing);
        Feature("passing.feature", Passing);

        var (exitCode, output, _) = await RunAsync("--features", Path.Combine(_folder, "features"), "--bindings", Bindings, "--out", Path.Combine(_folder, "out"), "--tags", "@ASI03");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(output, Does.Match(@"1 scenarios?: 1 passed"));
        });
    }

    [Test]
    public async Task A_step_timeout_fails_the_step_not_the_process()
    {
        var features = Feature("slow.feature", "Feature: Slow\n  Scenario: Waits\n    Given a step that waits 20 seconds\n");

        var (exitCode, output, _) = await RunAsync("--features", features, "--bindings", Bindings, "--out", Path.Combine(_folder, "out"), "--step-timeout", "0.5");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(output, Does.Contain("step timed out after 0.5 s"));
        });
    }

    [TestCase("--tags", "@a and", "--tags:1:4: 'and' needs a tag or '(' after it")]
    [TestCase("--features", "no-such-folder", "no-such-folder: features folder or file not found")]
    [TestCase("--bindings", "missing.dll", "missing.dll: bindings assembly not found")]
    [TestCase("--step-timeout", "-1", "--step-timeout: must be a positive number of seconds")]
    [TestCase("--parallel", "0", "--parallel: must be at least 1")]
    [TestCase("--profile", "missing.yaml", "missing.yaml: file not found")]
    public async Task Invalid_input_exits_2_with_one_line_per_problem(string option, string value, string expected)
    {
        Feature("passing.feature", Passing);
        var arguments = new List<string> { "--features", Path.Combine(_folder, "features"), "--bindings", Bindings, "--out", Path.Combine(_folder, "out") };
        if (option is "--features" or "--bindings")
        {
            arguments.RemoveRange(option == "--features" ? 0 : 2, 2);
        }

        arguments.AddRange([option, value]);

        var (exitCode, _, error) = await RunAsync([.. arguments]);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain(expected));
            Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public async Task A_syntax_error_names_file_line_and_column_and_exits_2()
    {
        Feature("broken.feature", "Feature: Broken\n  Scenario: One\n    Given the number 1\n  not gherkin here\n");

        var (exitCode, _, error) = await RunAsync("--features", Path.Combine(_folder, "features"), "--bindings", Bindings, "--out", Path.Combine(_folder, "out"));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Match(@"broken\.feature:4:\d+: expected: "));
        });
    }

    [Test]
    public async Task A_malformed_option_value_exits_2()
    {
        var (exitCode, _, error) = await RunAsync("--parallel", "many");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain("many"));
        });
    }

    [Test]
    public async Task Report_only_mode_reports_failures_but_exits_0()
    {
        Feature("failing.feature", Failing);

        var (exitCode, output, _) = await RunAsync("--features", Path.Combine(_folder, "features"), "--bindings", Bindings, "--out", Path.Combine(_folder, "out"), "--report-only");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(output, Does.Contain("FAILED     failing.feature:2  Breaks"));
        });
    }

    [Test]
    public async Task A_tag_that_looks_like_a_control_but_names_none_exits_2_at_the_tag()
    {
        Feature("typo.feature", "Feature: Typo\n  @ASI11 @smoke\n  Scenario: One\n    Given the number 1\n");

        var (exitCode, _, error) = await RunAsync("--features", Path.Combine(_folder, "features"), "--bindings", Bindings, "--out", Path.Combine(_folder, "out"));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain("typo.feature:2:3: "));
            Assert.That(error, Does.Contain("ASI01"));
            Assert.That(error, Does.Not.Contain("smoke"));
        });
    }

    [Test]
    public async Task A_scenario_without_steps_is_not_evidence_and_fails_the_gate()
    {
        Feature("empty.feature", "Feature: Empty\n  @ASI03 @severity:high\n  Scenario: Claims a control but checks nothing\n");

        var (exitCode, output, _) = await RunAsync("--features", Path.Combine(_folder, "features"), "--bindings", Bindings, "--out", Path.Combine(_folder, "out"));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(output, Does.Contain("PENDING    empty.feature:3  Claims a control but checks nothing"));
            Assert.That(output, Does.Contain("has no steps"));
        });
    }

    [Test]
    public async Task A_tag_expression_that_selects_nothing_exits_2_instead_of_passing()
    {
        Feature("passing.feature", Passing);

        var (exitCode, _, error) = await RunAsync("--features", Path.Combine(_folder, "features"), "--bindings", Bindings, "--out", Path.Combine(_folder, "out"), "--tags", "@no-such-tag");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.Contain("--tags: no scenario to run"));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_killed_run_leaves_messages_of_whole_lines_with_its_finished_test_cases_and_no_success()
    {
        var features = Feature("killed.feature", """
            Feature: Killed
              Scenario: Finishes first
                Given a step that passes
              Scenario: Still running when the process is killed
                Given a step that blocks for 60 seconds
            """);
        var outDirectory = Path.Combine(_folder, "out");
        var messagesPath = Path.Combine(outDirectory, "messages.ndjson");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments = [Path.Combine(TestContext.CurrentContext.TestDirectory, "agentcompliance.dll"), "run", "--features", features, "--bindings", Bindings, "--out", outDirectory];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(start)!)
        {
            try
            {
                // Once the first test case is on disk the second one is blocked in its step: kill the process there.
                while (!process.HasExited && !ReadShared(messagesPath).Contains("\"testCaseFinished\"", StringComparison.Ordinal))
                {
                    await Task.Delay(50);
                }
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync();
            }
        }

        var messages = CucumberMessageStream.Read(messagesPath);
        Assert.Multiple(() =>
        {
            Assert.That(messages.Problems, Is.Empty);
            Assert.That(messages.StatusByScenario, Is.EquivalentTo(new Dictionary<string, string> { ["killed.feature:2"] = "PASSED" }));
            Assert.That(messages.TestRunFinished.GetProperty("success").GetBoolean(), Is.False);
            Assert.That(messages.TestRunFinished.GetProperty("message").GetString(), Does.Contain("did not finish"));
        });
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Test]
    public async Task An_interrupted_command_exits_3_without_a_stack_trace()
    {
        File.WriteAllText(Path.Combine(_folder, "Agent.cs"), "public sealed class Agent { }");
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var exitCode = await AgentComplianceApp.RunAsync(["analyze", _folder], output, error, cancelled.Token);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.CouldNotRun));
            Assert.That(error.ToString(), Does.Not.Contain("   at "));
        });
    }
}
