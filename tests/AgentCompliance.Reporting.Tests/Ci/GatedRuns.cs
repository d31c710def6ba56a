using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;

namespace AgentCompliance.Reporting.Tests.Ci;

/// <summary>
/// A run gated with <c>--fail-on new</c> at the default threshold (high), a baseline and a waiver, so every way CI
/// outputs present a scenario occurs once: a new high failure and an undefined scenario fail the gate, a low failure
/// and an existing high failure do not, a medium failure is waived, and one scenario passes.
/// </summary>
internal static class GatedRuns
{
    public const string NewHighId = "identity/tokens.feature:4";
    public const string LowId = "audit/log.feature:7";
    public const string WaivedId = "tools/scope.feature:12";
    public const string UndefinedId = "plain.feature:3";
    public const string ExistingId = "identity/tokens.feature:20";
    public const string PassedId = "identity/tokens.feature:30";

    public static readonly Waiver ScopeWaiver = new()
    {
        Scenario = WaivedId,
        Justification = "Scope narrowing ships in 2.4",
        Owner = "platform-team",
        Expires = new DateOnly(2099, 12, 31),
        File = "waivers.yaml",
        Line = 3,
    };

    public static RunResult Gated(IReadOnlyList<Waiver>? waivers = null, GateSettings? settings = null)
    {
        var run = SampleRuns.Empty() with
        {
            Scenarios =
            [
                Failed(NewHighId, "Tokens expire with the task", ["ASI03"], "high", "token outlived its task\nexp - iat = 3600"),
                Failed(LowId, "Log lines | name the tool", ["NHI7"], "low", "log line lacks the tool name"),
                Failed(WaivedId, "Tools are scoped", ["ASI02"], "medium", "tool scope was *"),
                new ScenarioResult
                {
                    Id = UndefinedId,
                    Name = "Untagged check",
                    FeatureName = "Plain",
                    FeatureFile = "plain.feature",
                    Line = 3,
                    Status = ResultStatus.Undefined,
                    Steps = [SampleRuns.Step("When ", "something nobody bound", 4, ResultStatus.Undefined)],
                },
                Failed(ExistingId, "Refresh tokens rotate", ["ASI03"], "high", "refresh token reused"),
                Failed(PassedId, "Passes", ["ASI03"], "high", "unused") with { Status = ResultStatus.Passed, ErrorMessage = null },
            ],
        };
        var baseline = SampleRuns.Empty() with { Scenarios = [run.Scenarios.Single(s => s.Id == ExistingId)] };
        var gate = new GateEvaluator(settings ?? new GateSettings { FailOn = GateFailOn.New }, ControlCatalog.BuiltIn, waivers ?? [ScopeWaiver], baseline);
        return gate.Evaluate(run, new DateOnly(2030, 1, 1));
    }

    public static ScenarioResult Failed(string id, string name, IReadOnlyList<string> controls, string severity, string error)
    {
        var file = id[..id.LastIndexOf(':')];
        var line = int.Parse(id[(id.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return new ScenarioResult
        {
            Id = id,
            Name = name,
            FeatureName = "Feature of " + file,
            FeatureFile = file,
            Line = line,
            Tags = [.. controls, $"severity:{severity}"],
            Controls = controls,
            Severity = severity,
            Status = ResultStatus.Failed,
            ErrorMessage = error,
            Steps = [SampleRuns.Step("Then ", "the control holds", line + 1, ResultStatus.Failed) with { ErrorMessage = error }],
        };
    }
}
