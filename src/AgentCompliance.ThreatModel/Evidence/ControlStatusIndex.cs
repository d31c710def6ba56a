using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;

namespace AgentCompliance.ThreatModel.Evidence;

/// <summary>
/// The status of every catalog control in one run: scenario tags name controls, and a control is passed only when
/// every scenario that tested it and ran passed. A failure under an unexpired waiver is waived; a control no
/// scenario ran is untested. Evidence excerpts are capped so a report stays readable at any run size.
/// </summary>
public sealed class ControlStatusIndex
{
    /// <summary>Longest evidence text kept per item; the full text stays in results.json.</summary>
    public const int MaxExcerptCharacters = 1500;

    /// <summary>Scenarios listed per control; the count of the rest is kept.</summary>
    public const int MaxScenariosPerControl = 20;

    private readonly Dictionary<string, ControlEvidence> _byId;

    private ControlStatusIndex(Dictionary<string, ControlEvidence> byId, ControlCatalog catalog)
    {
        _byId = byId;
        Catalog = catalog;
    }

    public ControlCatalog Catalog { get; }

    /// <summary>Every control of the catalog in catalog order.</summary>
    public IEnumerable<ControlEvidence> All => Catalog.Controls.Select(c => _byId[c.Id]);

    /// <summary>Builds the index; with no run every control is untested. Waivers are checked against <paramref name="today"/>, by default the run's start.</summary>
    public static ControlStatusIndex Build(ControlCatalog catalog, RunResult? run, IReadOnlyList<ControlWaiver>? waivers = null, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var scenariosByControl = new Dictionary<string, List<ScenarioResult>>(StringComparer.OrdinalIgnoreCase);
        foreach (var scenario in run?.Scenarios ?? [])
        {
            foreach (var id in scenario.Controls.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var key = catalog.TryResolve(id, out var control) ? control.Id : id;
                if (!scenariosByControl.TryGetValue(key, out var list))
                {
                    scenariosByControl[key] = list = [];
                }

                list.Add(scenario);
            }
        }

        var day = today ?? (run is null ? DateOnly.FromDateTime(DateTime.UtcNow) : DateOnly.FromDateTime(run.StartedAt.UtcDateTime));
        var activeWaivers = (waivers ?? []).Where(w => w.Expires >= day)
            .GroupBy(w => catalog.Normalize(w.ControlId), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        var byId = new Dictionary<string, ControlEvidence>(StringComparer.OrdinalIgnoreCase);
        foreach (var control in catalog.Controls)
        {
            var scenarios = scenariosByControl.GetValueOrDefault(control.Id) ?? [];
            var status = StatusOf(scenarios);
            var waiver = status == ControlStatus.Failed ? activeWaivers.GetValueOrDefault(control.Id) : WaiverOfAcceptedFailure(control.Id, scenarios);
            byId[control.Id] = new ControlEvidence(control, waiver is null ? status : ControlStatus.Waived, Excerpts(scenarios)) { Waiver = waiver, ScenarioCount = scenarios.Count };
        }

        return new ControlStatusIndex(byId, catalog);
    }

    /// <summary>The control's evidence, resolving any accepted spelling of its id.</summary>
    /// <exception cref="KeyNotFoundException">The id names no catalog control.</exception>
    public ControlEvidence Get(string controlId)
    {
        ArgumentNullException.ThrowIfNull(controlId);
        return _byId.TryGetValue(controlId, out var found) || (Catalog.TryResolve(controlId, out var control) && _byId.TryGetValue(control.Id, out found))
            ? found
            : throw new KeyNotFoundException($"no catalog control '{controlId}'");
    }

    /// <summary>
    /// The waiver the gate applied to one of the control's failed scenarios (by scenario, fingerprint or control), when
    /// every other scenario of the control held: the control is then waived, not passed, and shows that waiver.
    /// </summary>
    private static ControlWaiver? WaiverOfAcceptedFailure(string controlId, List<ScenarioResult> scenarios) =>
        scenarios.Where(s => s.Status == ResultStatus.Failed).Select(s => s.Waiver).OfType<Waiver>().FirstOrDefault() is { } accepted
            ? new ControlWaiver(controlId, accepted.Justification, accepted.Expires) { Owner = accepted.Owner }
            : null;

    private static ControlStatus StatusOf(List<ScenarioResult> scenarios)
    {
        // A failure the gate accepted under an active waiver does not fail the control; the caller marks it waived.
        if (scenarios.Any(s => (s.Status == ResultStatus.Failed && s.Waiver is null) || s.Status is ResultStatus.Undefined or ResultStatus.Pending or ResultStatus.Ambiguous))
        {
            return ControlStatus.Failed;
        }

        // Skipped and never-run scenarios verified nothing.
        return scenarios.Any(s => s.Status == ResultStatus.Passed) ? ControlStatus.Passed : ControlStatus.Untested;
    }

    // Failures first: they are what an assessor traces.
    private static List<ScenarioEvidence> Excerpts(List<ScenarioResult> scenarios) =>
    [
        .. scenarios.OrderBy(s => s.Status == ResultStatus.Passed ? 1 : 0).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Take(MaxScenariosPerControl)
            .Select(s => new ScenarioEvidence(
                s.Id, s.Name, s.FeatureFile, s.Line, s.Status, s.ErrorMessage,
                [.. s.Steps.SelectMany(step => step.Evidence).Take(5).Select(e => e with { Text = Cap(e.Text) })])),
    ];

    private static string Cap(string text) =>
        text.Length <= MaxExcerptCharacters ? text : string.Concat(text.AsSpan(0, MaxExcerptCharacters), $"… ({text.Length - MaxExcerptCharacters} more characters in results.json)");
}
