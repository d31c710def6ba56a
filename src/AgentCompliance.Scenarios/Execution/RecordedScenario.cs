using AgentCompliance.Core.Results;

namespace AgentCompliance.Scenarios.Execution;

/// <summary>What the recorder saw while one scenario ran; <paramref name="Trace"/> only when messages are written.</summary>
internal sealed record RecordedScenario(IReadOnlyList<StepResult> Steps, IReadOnlyList<HookFailure> HookFailures, ScenarioTrace? Trace = null);
