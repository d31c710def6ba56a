using AgentCompliance.Scenarios.Parsing;

namespace AgentCompliance.Features.Tests;

/// <summary>One scenario, or one example row of a scenario outline, as one NUnit test.</summary>
public sealed record ScenarioCase(ParsedFeature Feature, PlannedScenario Scenario)
{
    /// <summary><c>Feature: Scenario</c>, plus <c>: example values</c> for outline rows (the substituted scenario name
    /// alone may repeat across rows).</summary>
    public string TestName
    {
        get
        {
            var feature = string.IsNullOrWhiteSpace(Feature.Name) ? Feature.File.RelativePath : Feature.Name;
            var scenario = string.IsNullOrWhiteSpace(Scenario.Name) ? Scenario.Id : Scenario.Name;
            return Scenario.Example is { } example ? $"{feature}: {scenario}: {example}" : $"{feature}: {scenario}";
        }
    }

    /// <summary>Feature, rule, scenario and examples tags, without <c>@</c>: NUnit categories, so
    /// <c>dotnet test --filter TestCategory=smoke</c> selects by tag.</summary>
    public IReadOnlyList<string> Categories => Scenario.Tags;

    public override string ToString() => Scenario.Id;
}
