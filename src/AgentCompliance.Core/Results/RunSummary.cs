namespace AgentCompliance.Core.Results;

/// <summary>Scenario counts per status; derived, never stored separately from the scenarios.</summary>
public sealed record RunSummary(int Total, int Passed, int Failed, int Undefined, int Pending, int Ambiguous, int Skipped, int NotRun)
{
    /// <summary>Scenarios whose outcome means "not verified": failed, undefined, pending, ambiguous.</summary>
    public int Unsuccessful => Failed + Undefined + Pending + Ambiguous;

    public static RunSummary From(IEnumerable<ScenarioResult> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var counts = new int[Enum.GetValues<ResultStatus>().Length];
        var total = 0;
        foreach (var scenario in scenarios)
        {
            counts[(int)scenario.Status]++;
            total++;
        }

        return new RunSummary(
            total,
            counts[(int)ResultStatus.Passed],
            counts[(int)ResultStatus.Failed],
            counts[(int)ResultStatus.Undefined],
            counts[(int)ResultStatus.Pending],
            counts[(int)ResultStatus.Ambiguous],
            counts[(int)ResultStatus.Skipped],
            counts[(int)ResultStatus.NotRun]);
    }
}
