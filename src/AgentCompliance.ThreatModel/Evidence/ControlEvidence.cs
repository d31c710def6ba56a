using AgentCompliance.Core.Catalog;

namespace AgentCompliance.ThreatModel.Evidence;

/// <summary>A catalog control with its status in the run and the scenarios that decided it.</summary>
public sealed record ControlEvidence(Control Control, ControlStatus Status, IReadOnlyList<ScenarioEvidence> Scenarios)
{
    public ControlWaiver? Waiver { get; init; }

    /// <summary>How many scenarios tested the control; <see cref="Scenarios"/> lists the first few, failures first.</summary>
    public int ScenarioCount { get; init; }

    /// <summary>Untested and not testable by any harness: evidenced by documents, listed apart from coverage gaps.</summary>
    public bool IsProcessControl => !Control.Testable;
}
