using AgentCompliance.Core.Diagnostics;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace AgentCompliance.Features.Tests;

/// <summary>Turns a suite's scenarios into NUnit test cases: name, categories, and the scenario as argument.</summary>
public static class ScenarioTestCases
{
    public const string LoadFailureName = "Feature files could not be loaded";

    /// <summary>
    /// One case per scenario and outline example. Feature files that do not parse give a single case that cannot run
    /// and whose reason lists every problem as <c>file:line:col: message</c>, instead of NUnit's stack trace.
    /// </summary>
    public static IEnumerable<TestCaseData> From(FeatureSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        IReadOnlyList<ScenarioCase> cases;
        try
        {
            cases = suite.Cases;
        }
        catch (InvalidInputException invalid)
        {
            return [LoadFailure(invalid)];
        }

        return cases.Select(ToTestCase);
    }

    private static TestCaseData ToTestCase(ScenarioCase scenario)
    {
        // The name has no NUnit name pattern in it unless the scenario's own text contains one such as {m}.
        var data = new TestCaseData(scenario).SetName(scenario.TestName).SetDescription(scenario.Scenario.Id);
        foreach (var category in scenario.Categories)
        {
            data.SetCategory(category);
        }

        return data;
    }

    private static TestCaseData LoadFailure(InvalidInputException invalid)
    {
        var data = new TestCaseData(new object?[] { null }).SetName(LoadFailureName);
        data.RunState = RunState.NotRunnable;
        data.Properties.Set(PropertyNames.SkipReason, string.Join(Environment.NewLine, invalid.Problems));
        return data;
    }
}
