using AgentCompliance.Core.Results;

namespace AgentCompliance.Cli.Tests.ConsoleOutput;

/// <summary>Hand-built scenario results for console rendering tests.</summary>
internal static class ConsoleRuns
{
    public static readonly DateTimeOffset StartedAt = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    public const string Snippet = "[Given(@\"the agent rotates its key\")]\npublic void GivenTheAgentRotatesItsKey()\n{\n    throw new PendingStepException();\n}";

    public static ScenarioResult Passed() => Scenario("identity/workload.feature:8", "Each agent has its own workload identity", ResultStatus.Passed);

    public static ScenarioResult Failed() => Scenario("identity/workload.feature:14", "Agent tokens are short-lived", ResultStatus.Failed) with
    {
        // As the engine reports it: the scenario's error names the step, the step's error is the verdict alone.
        ErrorMessage = "Then the token expires within 15 minutes: expected token lifetime <= 900 s\nbut the issuer granted 3600 s",
        Steps =
        [
            Step("Given ", "the agent has a token", 15, ResultStatus.Passed),
            Step("Then ", "the token expires within 15 minutes", 16, ResultStatus.Failed) with { ErrorMessage = "expected token lifetime <= 900 s\nbut the issuer granted 3600 s" },
        ],
    };

    public static ScenarioResult Undefined() => Scenario("tokens/jit.feature:13", "Credentials are scoped to the task", ResultStatus.Undefined) with
    {
        Example = "agent=executor, scope=write",
        Steps =
        [
            Step("Given ", "the agent rotates its key", 6, ResultStatus.Undefined) with
            {
                Snippet = Snippet,
                Candidates = ["the agent has a token"],
            },
        ],
    };

    public static ScenarioResult Pending() => Scenario("tokens/jit.feature:30", "Tokens are revoked when the task ends", ResultStatus.Pending) with
    {
        Steps = [Step("When ", "the task ends", 31, ResultStatus.Pending) with { ErrorMessage = "step definition not implemented yet" }],
    };

    public static ScenarioResult Ambiguous() => Scenario("tokens/jit.feature:40", "Token scope matches the task", ResultStatus.Ambiguous) with
    {
        Steps =
        [
            Step("Then ", "the token scope is \"read\"", 41, ResultStatus.Ambiguous) with
            {
                Candidates = ["Steps.TokenSteps.ScopeIs(String)", "Steps.LegacySteps.ScopeEquals(String)"],
            },
        ],
    };

    public static ScenarioResult Ignored() => Scenario("audit/trail.feature:5", "Tool calls are audited", ResultStatus.Skipped) with { Tags = ["ignore"] };

    public static ScenarioResult NotRun() => Scenario("audit/trail.feature:15", "Downstream actions are audited", ResultStatus.NotRun);

    public static RunResult EveryStatus() => new()
    {
        ToolVersion = "0.1.0-test",
        StartedAt = StartedAt,
        FinishedAt = StartedAt + TimeSpan.FromSeconds(42.5),
        Scenarios = [Passed(), Failed(), Undefined(), Pending(), Ambiguous(), Ignored(), NotRun()],
    };

    public static ScenarioResult Scenario(string id, string name, ResultStatus status) => new()
    {
        Id = id,
        Name = name,
        FeatureName = "Feature of " + id[..id.IndexOf('/', StringComparison.Ordinal)],
        FeatureFile = id[..id.IndexOf(':', StringComparison.Ordinal)],
        Line = int.Parse(id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture),
        Status = status,
    };

    private static StepResult Step(string keyword, string text, int line, ResultStatus status) => new()
    {
        Keyword = keyword,
        Text = text,
        Line = line,
        Status = status,
    };
}
