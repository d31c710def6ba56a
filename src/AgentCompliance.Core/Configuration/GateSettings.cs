namespace AgentCompliance.Core.Configuration;

/// <summary>How the run's outcome becomes an exit code.</summary>
public sealed record GateSettings
{
    public GateMode Mode { get; init; } = GateMode.Enforce;

    public SeverityThreshold FailOnSeverity { get; init; } = SeverityThreshold.High;

    /// <summary>Control IDs that must be tested and pass, whatever their severity.</summary>
    public IReadOnlyList<string> RequiredControls { get; init; } = [];

    public MinimumPassRates MinPassRate { get; init; } = new();

    public GateFailOn FailOn { get; init; } = GateFailOn.All;
}
