using Io.Cucumber.Messages.Types;

namespace AgentCompliance.Scenarios.Parsing;

/// <summary>
/// One executable test case: a scenario, or one example row of a scenario outline, in the order of the feature's
/// Cucumber pickles (the runtime and the messages writer index pickles by that position).
/// </summary>
public sealed record PlannedScenario
{
    /// <summary>Position in the feature's pickle list; handed to the runtime as the pickle index.</summary>
    public required int PickleIndex { get; init; }

    /// <summary><c>relative/path.feature:line</c> of the scenario, or of the example row for outline examples.</summary>
    public required string Id { get; init; }

    /// <summary>Scenario name with outline placeholders substituted.</summary>
    public required string Name { get; init; }

    /// <summary>Scenario title as written (placeholders kept), which is what the runtime expects as the title.</summary>
    public required string Title { get; init; }

    public string Description { get; init; } = string.Empty;

    public required int Line { get; init; }

    /// <summary>Example values of an outline row in column order; empty for plain scenarios.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExampleValues { get; init; } = [];

    /// <summary>Tags written on the scenario and its examples block, without <c>@</c>.</summary>
    public IReadOnlyList<string> OwnTags { get; init; } = [];

    /// <summary>Every tag in effect (feature, rule, scenario, examples), without <c>@</c>, in source order.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? RuleName { get; init; }

    public string RuleDescription { get; init; } = string.Empty;

    public IReadOnlyList<string> RuleTags { get; init; } = [];

    /// <summary>Background, rule background and scenario steps, in execution (pickle step) order.</summary>
    public IReadOnlyList<PlannedStep> Steps { get; init; } = [];

    internal Pickle? Pickle { get; init; }

    /// <summary>Example values rendered for reports, e.g. <c>agent=planner, scope=read</c>.</summary>
    public string? Example => ExampleValues.Count == 0 ? null : string.Join(", ", ExampleValues.Select(pair => $"{pair.Key}={pair.Value}"));
}
