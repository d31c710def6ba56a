using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Parsing;

namespace AgentCompliance.Scenarios.Execution;

/// <summary>Derives a scenario's status and deciding error from what was recorded, as Cucumber does: the most
/// severe step outcome wins, a failing hook fails the scenario, an interrupted one did not run.</summary>
internal static class ScenarioOutcome
{
    private static readonly ResultStatus[] Severity =
        [ResultStatus.Passed, ResultStatus.Skipped, ResultStatus.Pending, ResultStatus.Undefined, ResultStatus.Ambiguous, ResultStatus.Failed];

    public static (ResultStatus Status, string? Error) Decide(RecordedScenario recorded, bool ignored)
    {
        var interruptedStep = recorded.Steps.FirstOrDefault(step => step.Status == ResultStatus.NotRun);
        var interruptedHook = recorded.HookFailures.FirstOrDefault(hook => hook.Interrupted);
        if (interruptedStep is not null || interruptedHook is not null)
        {
            return (ResultStatus.NotRun, "interrupted: the run was cancelled while this scenario was running");
        }

        if (ignored)
        {
            return (ResultStatus.Skipped, "skipped: tagged @ignore");
        }

        if (recorded.Steps.Count == 0 && recorded.HookFailures.Count == 0)
        {
            // A scenario without steps verifies nothing; its control tags must not count as evidence.
            return (ResultStatus.Pending, "pending: the scenario has no steps, so it verifies nothing");
        }

        var status = recorded.Steps.Count == 0
            ? ResultStatus.Passed
            : recorded.Steps.Select(step => step.Status).MaxBy(rank => Array.IndexOf(Severity, rank));
        if (recorded.HookFailures.Count > 0)
        {
            // A failing hook fails the scenario; report a failing Before* hook first (it caused everything after it),
            // else a failing step, else the After* hook.
            var beforeHook = recorded.HookFailures.FirstOrDefault(hook => hook.HookType.StartsWith("Before", StringComparison.Ordinal));
            var failedStep = recorded.Steps.FirstOrDefault(step => step.Status == ResultStatus.Failed);
            return (ResultStatus.Failed, beforeHook?.ToString() ?? (failedStep is not null ? Describe(failedStep) : recorded.HookFailures[0].ToString()));
        }

        var decidingStep = recorded.Steps.FirstOrDefault(step => step.Status == status && status is not (ResultStatus.Passed or ResultStatus.Skipped));
        return (status, decidingStep is null ? null : Describe(decidingStep));
    }

    private static string Describe(StepResult step) => $"{step.Keyword} {step.Text}: {step.ErrorMessage}";

    /// <summary>The scenario's steps with one status, for scenarios that never reached them.</summary>
    public static IReadOnlyList<StepResult> Unexecuted(PlannedScenario scenario, ResultStatus status) =>
        [.. scenario.Steps.Select(step => new StepResult { Keyword = step.Keyword.Trim(), Text = step.Text, Line = step.Line, Status = status })];
}
