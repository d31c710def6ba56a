using AgentCompliance.Core.Results;

namespace AgentCompliance.Reporting.Tests;

/// <summary>Hand-built runs covering every status, outlines, @ignore, interruption and hostile text.</summary>
internal static class SampleRuns
{
    public const string ToolVersion = "0.1.0-test";

    /// <summary>Sub-millisecond precision and a non-UTC offset, so round trips are checked to the tick.</summary>
    public static readonly DateTimeOffset StartedAt = new DateTimeOffset(2025, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(2)).AddTicks(7932);

    public const string FailedError = "expected token lifetime <= 900 s\nbut the issuer granted 3600 s";

    public const string UndefinedSnippet =
        "[Given(@\"the agent \"\"(.*)\"\" rotates its key\")]\npublic void GivenTheAgentRotatesItsKey(string agent)\n{\n    throw new PendingStepException();\n}";

    /// <summary>Two passed, one failed, one undefined (outline row), one pending, one ambiguous, one ignored, one not run.</summary>
    public static RunResult EveryStatus() => new()
    {
        ToolVersion = ToolVersion,
        StartedAt = StartedAt,
        FinishedAt = StartedAt + TimeSpan.FromSeconds(42.5),
        Warnings = ["features/broken.feature:3:1: unexpected end of file (hint: close the doc string)"],
        Scenarios =
        [
            PassedIdentityScenario(),
            FailedIdentityScenario(),
            OutlineRow(12, "agent=planner, scope=read", ResultStatus.Passed),
            UndefinedOutlineRow(),
            new ScenarioResult
            {
                Id = "tokens/jit.feature:30",
                Name = "Tokens are revoked when the task ends",
                FeatureName = "Just-in-time credentials",
                FeatureFile = "tokens/jit.feature",
                Line = 30,
                Tags = ["NHI7"],
                Controls = ["NHI7"],
                Status = ResultStatus.Pending,
                Duration = TimeSpan.FromMilliseconds(3),
                Steps =
                [
                    Step("When ", "the task ends", 31, ResultStatus.Pending) with { ErrorMessage = "One or more step definitions are not implemented yet." },
                ],
            },
            new ScenarioResult
            {
                Id = "tokens/jit.feature:40",
                Name = "Token scope matches the task",
                FeatureName = "Just-in-time credentials",
                FeatureFile = "tokens/jit.feature",
                Line = 40,
                Status = ResultStatus.Ambiguous,
                Steps =
                [
                    Step("Then ", "the token scope is \"read\"", 41, ResultStatus.Ambiguous) with
                    {
                        Candidates = ["Steps.TokenSteps.ScopeIs(String)", "Steps.LegacySteps.ScopeEquals(String)"],
                    },
                ],
            },
            new ScenarioResult
            {
                Id = "audit/trail.feature:5",
                Name = "Tool calls are audited",
                FeatureName = "Audit trail",
                FeatureFile = "audit/trail.feature",
                Line = 5,
                Tags = ["ignore", "ASI09"],
                Controls = ["ASI09"],
                Status = ResultStatus.Skipped,
                Steps = [Step("Then ", "every tool call is in the audit log", 6, ResultStatus.Skipped)],
            },
            new ScenarioResult
            {
                Id = "audit/trail.feature:15",
                Name = "Downstream actions are audited",
                FeatureName = "Audit trail",
                FeatureFile = "audit/trail.feature",
                Line = 15,
                Status = ResultStatus.NotRun,
            },
        ],
    };

    public static RunResult Interrupted() => EveryStatus() with
    {
        Interrupted = true,
        InterruptionReason = "cancelled by the user (Ctrl-C)",
        FinishedAt = null,
    };

    public static RunResult Empty() => new() { ToolVersion = ToolVersion, StartedAt = StartedAt, FinishedAt = StartedAt };

    /// <summary>Text that breaks naive XML and JSON writers: markup, CDATA ends, control characters, lone surrogates, huge strings.</summary>
    public const string XmlBreaking = "<tag attr=\"x\">&amp; 'quoted' </tag> ]]> <![CDATA[ inner ]]>";

    public const string ControlCharacters = "nul\u0000 bell\u0007 backspace\u0008 vt\u000B ff\u000C esc\u001B[31mred del\u007F c1\u0085\u009B end";

    public const string Surrogates = "lone high \uD800 lone low \uDFFF pair \U0001F510 end";

    public static readonly string Huge = new string('x', 300_000) + "END-OF-HUGE";

    public static RunResult Hostile() => new()
    {
        ToolVersion = ToolVersion,
        StartedAt = StartedAt,
        FinishedAt = StartedAt + TimeSpan.FromSeconds(1),
        Warnings = [ControlCharacters],
        Scenarios =
        [
            new ScenarioResult
            {
                Id = "hostile/xml.feature:1",
                Name = "Name with " + XmlBreaking,
                Example = "payload=" + ControlCharacters,
                FeatureName = "Feature " + Surrogates,
                FeatureFile = "hostile/xml.feature",
                Line = 1,
                Tags = [XmlBreaking],
                Controls = ["ASI01"],
                Severity = "critical",
                Status = ResultStatus.Failed,
                Duration = TimeSpan.FromSeconds(2),
                ErrorMessage = "first line " + XmlBreaking + "\n" + ControlCharacters + "\n" + Surrogates + "\n" + Huge,
                Steps =
                [
                    Step("Given ", "the agent says " + XmlBreaking, 2, ResultStatus.Passed) with
                    {
                        Evidence = [new EvidenceItem("http", "GET /" + ControlCharacters + " → 200", Huge)],
                    },
                    Step("Then ", "it refuses " + Surrogates, 3, ResultStatus.Failed) with { ErrorMessage = Huge },
                ],
            },
            new ScenarioResult
            {
                Id = "hostile/xml.feature:9",
                Name = Huge,
                FeatureName = "Feature " + Surrogates,
                FeatureFile = "hostile/xml.feature",
                Line = 9,
                Status = ResultStatus.Undefined,
                Steps =
                [
                    Step("Given ", "a step with " + ControlCharacters, 10, ResultStatus.Undefined) with
                    {
                        Snippet = "[Given(@\"x\")] ]]> " + ControlCharacters,
                        Candidates = [XmlBreaking, Surrogates],
                    },
                ],
            },
        ],
    };

    public static ScenarioResult PassedIdentityScenario() => new()
    {
        Id = "identity/workload.feature:8",
        Name = "Each agent has its own workload identity",
        FeatureName = "Workload identity",
        FeatureFile = "identity/workload.feature",
        Line = 8,
        Rule = "Identities are never shared",
        Tags = ["ASI03", "NHI5", "severity:high"],
        Controls = ["ASI03", "NHI5"],
        Severity = "high",
        Status = ResultStatus.Passed,
        Duration = TimeSpan.FromTicks(12_345_678),
        Steps =
        [
            Step("Given ", "the deployment \"hardened\"", 9, ResultStatus.Passed) with
            {
                BoundMethod = "AgentCompliance.Steps.DeploymentSteps.GivenDeployment(String)",
                Duration = TimeSpan.FromTicks(1_234_567),
            },
            Step("Then ", "no two agents share a client id", 10, ResultStatus.Passed) with
            {
                BoundMethod = "AgentCompliance.Steps.IdentitySteps.NoSharedClientIds()",
                Evidence =
                [
                    new EvidenceItem("http", "GET https://idp.test/clients → 200", "{\"clients\":[\"planner\",\"executor\"]}"),
                    new EvidenceItem("note", "2 distinct client ids", "planner, executor"),
                ],
            },
        ],
    };

    public static ScenarioResult FailedIdentityScenario() => new()
    {
        Id = "identity/workload.feature:14",
        Name = "Agent tokens are short-lived",
        FeatureName = "Workload identity",
        FeatureFile = "identity/workload.feature",
        Line = 14,
        Tags = ["NHI7"],
        Controls = ["NHI7"],
        Severity = "critical",
        Status = ResultStatus.Failed,
        Duration = TimeSpan.FromSeconds(1.5),
        ErrorMessage = FailedError,
        Steps =
        [
            Step("Given ", "the agent \"planner\" has a token", 15, ResultStatus.Passed),
            Step("Then ", "the token expires within 15 minutes", 16, ResultStatus.Failed) with
            {
                ErrorMessage = FailedError,
                Evidence = [new EvidenceItem("claims", "token claims: exp - iat = 3600", "{\"exp\":1700003600,\"iat\":1700000000}")],
            },
            Step("And ", "the token is bound to the task", 17, ResultStatus.Skipped),
        ],
    };

    public static ScenarioResult OutlineRow(int line, string example, ResultStatus status) => new()
    {
        Id = $"tokens/jit.feature:{line}",
        Name = "Credentials are scoped to the task",
        Example = example,
        FeatureName = "Just-in-time credentials",
        FeatureFile = "tokens/jit.feature",
        Line = line,
        Status = status,
        Duration = TimeSpan.FromMilliseconds(250),
        Steps = [Step("Given ", "the agent requests a token", 5, status)],
    };

    public static ScenarioResult UndefinedOutlineRow() => OutlineRow(13, "agent=executor, scope=write", ResultStatus.Undefined) with
    {
        Steps =
        [
            Step("Given ", "the agent \"executor\" rotates its key", 6, ResultStatus.Undefined) with
            {
                Snippet = UndefinedSnippet,
                Candidates = ["the agent \"(.*)\" has a token", "the agent \"(.*)\" requests a token"],
            },
        ],
    };

    /// <summary>A plain passed scenario with a unique id, for runs of many scenarios.</summary>
    public static ScenarioResult Numbered(int number, ResultStatus status = ResultStatus.Passed) => new()
    {
        Id = $"bulk/many.feature:{number}",
        Name = $"Scenario {number}",
        FeatureName = "Many scenarios",
        FeatureFile = "bulk/many.feature",
        Line = number,
        Status = status,
        Duration = TimeSpan.FromMilliseconds(number),
    };

    public static StepResult Step(string keyword, string text, int line, ResultStatus status) => new()
    {
        Keyword = keyword,
        Text = text,
        Line = line,
        Status = status,
        Duration = TimeSpan.FromMilliseconds(10),
    };
}
