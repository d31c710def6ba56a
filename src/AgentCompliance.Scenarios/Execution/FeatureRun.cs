using AgentCompliance.Scenarios.Parsing;
using Reqnroll;

namespace AgentCompliance.Scenarios.Execution;

/// <summary>A feature with its selected scenarios and the one <see cref="FeatureInfo"/> the runtime will see for it
/// (the runtime compares features by reference, so exactly one instance per feature per run).</summary>
internal sealed record FeatureRun(ParsedFeature Feature, FeatureInfo Info, IReadOnlyList<(int Slot, PlannedScenario Scenario)> Scenarios);
