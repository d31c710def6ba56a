using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;

namespace AgentCompliance.Reporting.Ci;

/// <summary>The scenarios CI outputs mention (those that did not verify their control), each with its outcome, in run order.</summary>
public static class CiScenarios
{
    public static IReadOnlyList<(ScenarioResult Scenario, CiScenarioOutcome Outcome)> Classify(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Scenarios.Where(GateEvaluator.IsUnsuccessful).Select(s => (s, OutcomeOf(s, result.Gate))).ToList();
    }

    private static CiScenarioOutcome OutcomeOf(ScenarioResult scenario, GateVerdict? gate) =>
        scenario.Waiver is not null ? CiScenarioOutcome.Waived
        : gate is null || gate.Blames(scenario.Id) ? CiScenarioOutcome.FailsGate
        : CiScenarioOutcome.DoesNotFailGate;
}
