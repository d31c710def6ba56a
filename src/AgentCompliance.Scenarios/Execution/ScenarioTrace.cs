namespace AgentCompliance.Scenarios.Execution;

/// <summary>Bindings and timings of one recorded scenario, kept only when the run writes Cucumber messages.</summary>
/// <param name="Steps">One per recorded step, in the same order.</param>
/// <param name="Hooks">Every hook that ran while the scenario was recorded, in the order they finished.</param>
internal sealed record ScenarioTrace(IReadOnlyList<StepTrace> Steps, IReadOnlyList<HookTrace> Hooks);
