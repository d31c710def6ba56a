using AgentCompliance.Core.Gating;

namespace AgentCompliance.Core.Results;

/// <summary>The outcome of one scenario, or one example row of a scenario outline.</summary>
public sealed record ScenarioResult
{
    /// <summary>Stable across runs of the same file: <c>relative/path.feature:line</c> of the scenario or example row.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>For outline examples, the example values, e.g. <c>agent=planner, scope=read</c>.</summary>
    public string? Example { get; init; }

    public required string FeatureName { get; init; }

    /// <summary>Feature file path relative to the features root, with forward slashes.</summary>
    public required string FeatureFile { get; init; }

    public int Line { get; init; }

    public string? Rule { get; init; }

    /// <summary>All tags in effect (feature, rule, scenario, examples), without the leading <c>@</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Catalog control IDs named by the tags, normalised (e.g. <c>ASI03</c>, <c>GOVERN 1.6</c>).</summary>
    public IReadOnlyList<string> Controls { get; init; } = [];

    /// <summary>Severity from a <c>@severity:X</c> tag (critical, high, medium, low, info), if any.</summary>
    public string? Severity { get; init; }

    public required ResultStatus Status { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>The first error that decided the status (failed step, hook error, timeout), if any.</summary>
    public string? ErrorMessage { get; init; }

    public IReadOnlyList<StepResult> Steps { get; init; } = [];

    /// <summary>Identity across runs without line numbers (see <see cref="ScenarioFingerprint"/>); baselines and waivers match on it.</summary>
    public string Fingerprint => ScenarioFingerprint.Of(this);

    /// <summary>The waiver that accepted this failure, set by the gate; null when not waived.</summary>
    public Waiver? Waiver { get; init; }

    /// <summary>For a failure gated against a baseline: whether the baseline had it. Null without a baseline or for a success.</summary>
    public BaselineStatus? Baseline { get; init; }
}
