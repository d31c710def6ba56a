using AgentCompliance.Core.Results;

namespace AgentCompliance.Scenarios.Execution;

/// <summary>What the recorder saw while one scenario ran.</summary>
internal sealed record RecordedScenario(IReadOnlyList<StepResult> Steps, IReadOnlyList<HookFailure> HookFailures);
