using System.Text.RegularExpressions;
using AgentCompliance.Cli.ConsoleOutput;
using AgentCompliance.Core.Results;
using Spectre.Console;

namespace AgentCompliance.Cli.Tests.ConsoleOutput;

public sealed partial class ConsoleRunObserverTests
{
    [Test]
    public void Redirected_output_gets_one_plain_line_per_scenario()
    {
        using var output = new StringWriter();
        var console = CommandConsole.Create(output, _ => null);
        using var observer = new ConsoleRunObserver(console, CommandConsole.ChooseMode(console));

        observer.RunStarted(3);
        observer.ScenarioStarted("Feature of identity", "Each agent has its own workload identity");
        observer.ScenarioFinished(ConsoleRuns.Passed());
        observer.ScenarioFinished(ConsoleRuns.Failed());
        observer.ScenarioFinished(ConsoleRuns.Undefined());

        Assert.Multiple(() =>
        {
            Assert.That(CommandConsole.ChooseMode(console), Is.EqualTo(RunConsoleMode.Plain));
            Assert.That(Lines(output), Is.EqualTo(new[]
            {
                "Running 3 scenarios",
                "PASSED     identity/workload.feature:8  Each agent has its own workload identity",
                "FAILED     identity/workload.feature:14  Agent tokens are short-lived",
                "UNDEFINED  tokens/jit.feature:13  Credentials are scoped to the task [agent=executor, scope=write]",
            }));
            Assert.That(output.ToString().Contains('\u001b', StringComparison.Ordinal), Is.False, "no escape sequences in a log");
        });
    }

    [Test]
    public void No_color_on_a_terminal_still_gives_plain_output()
    {
        using var output = new StringWriter();
        var console = CommandConsole.Create(new TerminalOutput(output), name => name == "NO_COLOR" ? "1" : null);
        using var observer = new ConsoleRunObserver(console, CommandConsole.ChooseMode(console));

        observer.RunStarted(1);
        observer.ScenarioFinished(ConsoleRuns.Failed());

        Assert.Multiple(() =>
        {
            Assert.That(CommandConsole.ChooseMode(console), Is.EqualTo(RunConsoleMode.Plain));
            Assert.That(Lines(output), Does.Contain("FAILED     identity/workload.feature:14  Agent tokens are short-lived"));
            Assert.That(output.ToString().Contains('\u001b', StringComparison.Ordinal), Is.False);
        });
    }

    [Test]
    public void Scenario_text_is_printed_literally_and_cannot_drive_the_terminal()
    {
        using var output = new StringWriter();
        var console = CommandConsole.Create(output, _ => null);
        using var observer = new ConsoleRunObserver(console, RunConsoleMode.Plain);

        observer.ScenarioFinished(ConsoleRuns.Scenario("x/y.feature:1", "[red]not markup[/] \u001b[2J cleared?", ResultStatus.Failed));

        Assert.Multiple(() =>
        {
            Assert.That(Lines(output).Single(), Is.EqualTo("FAILED     x/y.feature:1  [red]not markup[/] \uFFFD[2J cleared?"));
            Assert.That(output.ToString().Contains('\u001b', StringComparison.Ordinal), Is.False);
        });
    }

    [Test]
    public void Parallel_scenarios_each_get_one_whole_line()
    {
        using var output = new StringWriter();
        var console = CommandConsole.Create(output, _ => null);
        using var observer = new ConsoleRunObserver(console, RunConsoleMode.Plain);
        observer.RunStarted(200);

        Parallel.For(1, 201, new ParallelOptions { MaxDegreeOfParallelism = 4 }, number =>
        {
            observer.ScenarioStarted("Many", $"Scenario {number}");
            observer.ScenarioFinished(ConsoleRuns.Scenario($"bulk/many.feature:{number}", $"Scenario {number}", number % 7 == 0 ? ResultStatus.Failed : ResultStatus.Passed));
        });

        var scenarioLines = Lines(output).Skip(1).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(scenarioLines, Has.Count.EqualTo(200));
            Assert.That(scenarioLines, Has.All.Match(@"^(PASSED|FAILED) {5}bulk/many\.feature:(\d+)  Scenario \2$"));
            Assert.That(scenarioLines.Count(l => l.StartsWith("FAILED", StringComparison.Ordinal)), Is.EqualTo(28));
        });
    }

    [Test]
    public void Live_progress_on_a_terminal_shows_counts_and_prints_only_scenarios_that_need_attention()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.TrueColor,
            Interactive = InteractionSupport.Yes,
        });
        console.Profile.Width = 160;
        using var observer = new ConsoleRunObserver(console, CommandConsole.ChooseMode(console));

        observer.RunStarted(3);
        observer.ScenarioStarted("Workload identity", "Each agent has its own workload identity");
        observer.ScenarioFinished(ConsoleRuns.Passed());
        observer.ScenarioFinished(ConsoleRuns.Failed());
        observer.RunFinished(ConsoleRuns.EveryStatus() with { Scenarios = [ConsoleRuns.Passed(), ConsoleRuns.Failed()] });

        var text = AnsiEscape().Replace(output.ToString(), string.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(CommandConsole.ChooseMode(console), Is.EqualTo(RunConsoleMode.Live));
            Assert.That(text, Does.Contain("2/3 scenarios · 1 not passed · Workload identity"));
            Assert.That(text, Does.Contain("FAILED     identity/workload.feature:14  Agent tokens are short-lived"));
            Assert.That(text, Does.Not.Contain("PASSED     identity/workload.feature:8"), "passes only move the bar");
            Assert.That(text, Does.Contain("2 scenarios: 1 passed, 1 failed in 42.5 s"));
        });
    }

    [Test]
    public void Run_finished_prints_the_summary_after_the_scenario_lines()
    {
        using var output = new StringWriter();
        var console = CommandConsole.Create(output, _ => null);
        using var observer = new ConsoleRunObserver(console, RunConsoleMode.Plain);
        observer.RunStarted(1);
        observer.ScenarioFinished(ConsoleRuns.Failed());

        observer.RunFinished(ConsoleRuns.EveryStatus() with { Scenarios = [ConsoleRuns.Failed()] });

        var lines = Lines(output);
        Assert.Multiple(() =>
        {
            Assert.That(lines[1], Is.EqualTo("FAILED     identity/workload.feature:14  Agent tokens are short-lived"));
            Assert.That(lines, Has.Some.Contains("Run summary"));
            Assert.That(lines[^1], Is.EqualTo("1 scenarios: 0 passed, 1 failed in 42.5 s"));
        });
    }

    internal static List<string> Lines(StringWriter output) =>
        output.ToString().ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();

    [GeneratedRegex(@"\u001b(\[[0-9;?]*[A-Za-z]|\][^\u0007]*\u0007)")]
    private static partial Regex AnsiEscape();

    /// <summary>The command's writer, presented as an interactive terminal.</summary>
    private sealed class TerminalOutput(TextWriter writer) : IAnsiConsoleOutput
    {
        public TextWriter Writer => writer;

        public bool IsTerminal => true;

        public int Width => 120;

        public int Height => 40;

        public void SetEncoding(System.Text.Encoding encoding)
        {
        }
    }
}
