using AgentCompliance.Scenarios.Discovery;

namespace AgentCompliance.Scenarios.Parsing;

/// <summary>A feature file parsed at run time, with its scenarios expanded into executable test cases.</summary>
public sealed record ParsedFeature
{
    public required FeatureFile File { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>Gherkin language of the file (<c># language:</c> header, default <c>en</c>).</summary>
    public required string Language { get; init; }

    /// <summary>Feature tags without <c>@</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<PlannedScenario> Scenarios { get; init; } = [];

    /// <summary>Every tag written in the file, with its position.</summary>
    public IReadOnlyList<TagOccurrence> TagOccurrences { get; init; } = [];

    /// <summary>Source, Gherkin document and pickles as Cucumber messages, for <c>messages.ndjson</c>.</summary>
    internal FeatureMessages? Messages { get; init; }
}
