using AgentCompliance.Cli.ConsoleOutput;
using AgentCompliance.Core.Results;

namespace AgentCompliance.Cli.Tests.ConsoleOutput;

public sealed class RunSummaryRendererTests
{
    [Test]
    public void Table_counts_every_status()
    {
        var lines = Render(ConsoleRuns.EveryStatus());

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.Contains("Run summary"));
            foreach (var (label, count) in new[] { ("PASSED", 1), ("FAILED", 1), ("UNDEFINED", 1), ("PENDING", 1), ("AMBIGUOUS", 1), ("SKIPPED", 1), ("NOT RUN", 1), ("Total", 7) })
            {
                Assert.That(lines, Has.Some.Match($@"^\W*{label}\W+{count}\W*$"), $"row {label}");
            }
        });
    }

    [Test]
    public void Failed_scenarios_are_listed_with_their_step_and_first_error()
    {
        var lines = Render(ConsoleRuns.EveryStatus());

        var start = lines.IndexOf("FAILED     identity/workload.feature:14  Agent tokens are short-lived");
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.EqualTo("Not verified (4):"));
            Assert.That(start, Is.GreaterThan(0));
            Assert.That(lines[start + 1], Is.EqualTo("           Then the token expires within 15 minutes (line 16)"));
            Assert.That(lines[start + 2], Is.EqualTo("           expected token lifetime <= 900 s"));
            Assert.That(lines[start + 3], Is.EqualTo("           but the issuer granted 3600 s"));
        });
    }

    [Test]
    public void Undefined_scenarios_show_the_snippet_to_paste()
    {
        var lines = Render(ConsoleRuns.EveryStatus());

        var start = lines.IndexOf("UNDEFINED  tokens/jit.feature:13  Credentials are scoped to the task [agent=executor, scope=write]");
        Assert.Multiple(() =>
        {
            Assert.That(start, Is.GreaterThan(0));
            Assert.That(lines.Skip(start + 1).Take(9), Is.EqualTo(new[]
            {
                "           Undefined step: Given the agent rotates its key (line 6)",
                "           Add a step definition:",
                "             [Given(@\"the agent rotates its key\")]",
                "             public void GivenTheAgentRotatesItsKey()",
                "             {",
                "                 throw new PendingStepException();",
                "             }",
                "           Closest existing steps:",
                "             - the agent has a token",
            }));
        });
    }

    [Test]
    public void Pending_and_ambiguous_scenarios_are_listed_with_what_to_fix()
    {
        var lines = Render(ConsoleRuns.EveryStatus());

        Assert.Multiple(() =>
        {
            Assert.That(lines, Does.Contain("PENDING    tokens/jit.feature:30  Tokens are revoked when the task ends"));
            Assert.That(lines, Does.Contain("           Pending step: When the task ends (line 31)"));
            Assert.That(lines, Does.Contain("AMBIGUOUS  tokens/jit.feature:40  Token scope matches the task"));
            Assert.That(lines, Does.Contain("           Matching bindings:"));
            Assert.That(lines, Does.Contain("             - Steps.LegacySteps.ScopeEquals(String)"));
        });
    }

    [Test]
    public void Passed_skipped_and_not_run_scenarios_are_not_listed()
    {
        var lines = Render(ConsoleRuns.EveryStatus());

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.None.Contains("Each agent has its own workload identity"));
            Assert.That(lines, Has.None.Contains("Tool calls are audited"));
            Assert.That(lines, Has.None.Contains("Downstream actions are audited"));
        });
    }

    [Test]
    public void Ends_with_a_totals_line_and_says_when_the_run_was_interrupted()
    {
        var complete = Render(ConsoleRuns.EveryStatus());
        var interrupted = Render(ConsoleRuns.EveryStatus() with { Interrupted = true, InterruptionReason = "cancelled (Ctrl-C)", FinishedAt = null });

        Assert.Multiple(() =>
        {
            Assert.That(complete[^1], Is.EqualTo("7 scenarios: 1 passed, 1 failed, 1 undefined, 1 pending, 1 ambiguous, 1 skipped, 1 not run in 42.5 s"));
            Assert.That(complete, Has.None.Contains("interrupted"));
            Assert.That(interrupted, Does.Contain("Run interrupted: cancelled (Ctrl-C)"));
            Assert.That(interrupted[^1], Is.EqualTo("7 scenarios: 1 passed, 1 failed, 1 undefined, 1 pending, 1 ambiguous, 1 skipped, 1 not run"));
        });
    }

    [Test]
    public void Long_errors_are_cut_and_point_to_results_json()
    {
        var error = string.Join('\n', Enumerable.Range(1, 50).Select(i => $"line {i}"));
        var failed = ConsoleRuns.Failed();
        var run = ConsoleRuns.EveryStatus() with
        {
            Scenarios = [failed with { Steps = [failed.Steps[0], failed.Steps[1] with { ErrorMessage = error + new string('x', 5000) }] }],
        };

        var lines = Render(run);

        Assert.Multiple(() =>
        {
            Assert.That(lines, Does.Contain("           line 12"));
            Assert.That(lines, Has.None.EqualTo("           line 13"));
            Assert.That(lines, Does.Contain("           … 38 more lines in results.json"));
        });
    }

    [Test]
    public void Empty_run_says_nothing_ran()
    {
        var lines = Render(new RunResult { ToolVersion = "0.1.0-test", StartedAt = ConsoleRuns.StartedAt });

        Assert.That(lines[^1], Is.EqualTo("No scenarios ran."));
    }

    private static List<string> Render(RunResult run)
    {
        using var output = new StringWriter();
        RunSummaryRenderer.Render(CommandConsole.Create(output, _ => null), run);
        return ConsoleRunObserverTests.Lines(output);
    }
}
