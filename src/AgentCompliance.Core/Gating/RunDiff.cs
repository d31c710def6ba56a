using AgentCompliance.Core.Results;

namespace AgentCompliance.Core.Gating;

/// <summary>
/// What changed between two runs, scenario by scenario (matched by fingerprint, so moved lines do not count):
/// regressions (was not failing, now failed/undefined/pending/ambiguous), fixes (was failing, now passed), and
/// scenarios added or removed.
/// </summary>
public sealed record RunDiff
{
    public IReadOnlyList<ScenarioChange> Regressions { get; init; } = [];

    public IReadOnlyList<ScenarioChange> Fixes { get; init; } = [];

    public IReadOnlyList<ScenarioChange> Added { get; init; } = [];

    public IReadOnlyList<ScenarioChange> Removed { get; init; } = [];

    /// <summary>Failing in both runs.</summary>
    public int StillFailing { get; init; }

    /// <summary>Present in both runs with the same outcome class.</summary>
    public int Unchanged { get; init; }

    public static RunDiff Compare(RunResult before, RunResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Scenarios.GroupBy(s => s.Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var current = after.Scenarios.GroupBy(s => s.Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var regressions = new List<ScenarioChange>();
        var fixes = new List<ScenarioChange>();
        var added = new List<ScenarioChange>();
        int stillFailing = 0, unchanged = 0;
        foreach (var (fingerprint, scenario) in current)
        {
            if (!old.TryGetValue(fingerprint, out var previous))
            {
                added.Add(Change(null, scenario));
                continue;
            }

            var (wasFailing, isFailing) = (GateEvaluator.IsUnsuccessful(previous), GateEvaluator.IsUnsuccessful(scenario));
            if (isFailing && !wasFailing)
            {
                regressions.Add(Change(previous, scenario));
            }
            else if (wasFailing && scenario.Status == ResultStatus.Passed)
            {
                fixes.Add(Change(previous, scenario));
            }
            else if (wasFailing && isFailing)
            {
                stillFailing++;
            }
            else
            {
                unchanged++;
            }
        }

        var removed = old.Where(pair => !current.ContainsKey(pair.Key)).Select(pair => Change(pair.Value, null)).ToList();
        return new RunDiff { Regressions = regressions, Fixes = fixes, Added = added, Removed = removed, StillFailing = stillFailing, Unchanged = unchanged };
    }

    private static ScenarioChange Change(ScenarioResult? before, ScenarioResult? after)
    {
        var scenario = after ?? before!;
        return new ScenarioChange(scenario.Fingerprint, scenario.Id, scenario.Name, scenario.Example, before?.Status, after?.Status);
    }
}
