using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;
using AgentCompliance.Core.SystemModels;
using AgentCompliance.Reporting.ThreatModels;
using AgentCompliance.Scenarios.Execution;
using AgentCompliance.ThreatModel.Evidence;
using AgentCompliance.ThreatModel.Modeling;
using AgentCompliance.ThreatModel.Tracking;

namespace AgentCompliance.Cli.ThreatModeling;

/// <summary>
/// What <c>threat-model</c> and <c>run</c> (when the profile names a system model) share: load the model and its
/// risk tracking file, join the run's control status, and write threat-model.json, .md and .html.
/// </summary>
internal static class ThreatModelJob
{
    /// <param name="systemModelPath">The system model file.</param>
    /// <param name="run">The run to join, or null to report every control as untested.</param>
    /// <param name="risksPath">The risk tracking file; null uses risk-tracking.yaml beside the model when present.</param>
    /// <param name="templatesFolder">A user's template folder, or null for the built-in templates.</param>
    /// <param name="outputDirectory">Where the three files go.</param>
    /// <param name="catalog">The control catalog (built-in plus the profile's).</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Execute(string systemModelPath, RunResult? run, string? risksPath, string? templatesFolder, string outputDirectory, ControlCatalog catalog)
    {
        var model = SystemModelLoader.Load(systemModelPath);
        var generator = new ThreatModelGenerator();
        var trackingPath = risksPath ?? RiskTrackingLoader.FindBeside(systemModelPath);
        var tracking = trackingPath is null ? null : RiskTrackingLoader.Load(trackingPath, generator.ThreatIds(model));
        var controls = ControlStatusIndex.Build(catalog, run, ControlWaiversOf(run));
        var result = generator.Generate(model, controls, run, tracking);

        // Templates are checked before anything is written: a broken override fails with file:line, not half a report.
        return new ThreatModelOutputWriter(templatesFolder).Write(result, outputDirectory, ScenarioEngine.ToolVersion);
    }

    /// <summary>The control waivers the gate applied to a run, so the reports list those controls as waived with their justification.</summary>
    private static List<ControlWaiver> ControlWaiversOf(RunResult? run) =>
    [
        .. (run?.Scenarios ?? []).Select(s => s.Waiver).OfType<Waiver>().Where(w => w.Control is not null).DistinctBy(w => w.Location)
            .Select(w => new ControlWaiver(w.Control!, w.Justification, w.Expires) { Owner = w.Owner }),
    ];
}
