using System.Globalization;
using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Results;

namespace AgentCompliance.Core.Gating;

/// <summary>
/// Applies the gate policy to a finished run: marks each failure waived and new/existing, and returns the run with a
/// <see cref="GateVerdict"/> naming every reason it failed. Rules, in the order reasons are listed:
/// <list type="bullet">
/// <item>an interrupted run, or one with scenarios not run, fails with exit code 3 (never 0, even report-only);</item>
/// <item>undefined, pending and ambiguous scenarios always fail: nothing was verified, so no severity, waiver or
/// baseline excuses them;</item>
/// <item>a failed scenario fails the gate when its severity is at or above <see cref="GateSettings.FailOnSeverity"/>
/// (a scenario without a known <c>@severity:</c> tag counts as <c>high</c>), no active waiver covers it and, with
/// <c>failOn: new</c>, the baseline did not have it;</item>
/// <item>an expired waiver that would cover a failure fails the gate and names itself;</item>
/// <item>each required control must have a scenario (tagged with it or a child control) that ran, and none of those
/// may fail the gate's way (any severity);</item>
/// <item>per framework, passed controls / tested controls must reach the minimum pass rate (a waived control counts
/// as passed; a framework with a minimum and no tested control fails).</item>
/// </list>
/// On one shard of a split run (<see cref="RunResult.Shard"/>) the coverage rules — required controls not tested,
/// minimum pass rates — are skipped and the verdict says so (<see cref="GateVerdict.CoverageDeferred"/>): the other
/// shards may test what this one did not, so only the merge can judge coverage. Every failure-based rule still applies.
/// </summary>
public sealed class GateEvaluator
{
    private static readonly (string FrameworkId, Func<MinimumPassRates, double?> Minimum)[] PassRates =
    [
        ("asi", r => r.Asi),
        ("nhi", r => r.Nhi),
        ("maestro", r => r.Maestro),
        ("nist-ai-rmf", r => r.NistAiRmf),
    ];

    private readonly GateSettings _settings;
    private readonly ControlCatalog _catalog;
    private readonly IReadOnlyList<Waiver> _waivers;
    private readonly HashSet<string>? _baselineFailures;
    private readonly IReadOnlyList<Control> _required;

    /// <param name="settings">The profile's gate section with command-line overrides applied.</param>
    /// <param name="catalog">Resolves required controls and their children.</param>
    /// <param name="waivers">Loaded with <see cref="WaiverFileLoader"/>.</param>
    /// <param name="baseline">An earlier run; its failures' fingerprints make this run's failures existing.</param>
    /// <param name="settingsSource">Where the settings came from (the profile path), for error messages.</param>
    /// <param name="requiredControlPosition">Where <c>requiredControls[i]</c> is written in <paramref name="settingsSource"/>, when known.</param>
    /// <exception cref="InvalidInputException">Unknown required controls, or <c>failOn: new</c> without a baseline.</exception>
    public GateEvaluator(GateSettings settings, ControlCatalog catalog, IReadOnlyList<Waiver>? waivers = null, RunResult? baseline = null, string settingsSource = "gate", Func<int, SourcePosition>? requiredControlPosition = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(catalog);
        if (settings.FailOn == GateFailOn.New && baseline is null)
        {
            throw new InvalidInputException(new InputProblem(
                "--fail-on", 0, 0, "failing only on new failures needs a baseline", "pass --baseline previous/results.json or set baseline: in the profile"));
        }

        _settings = settings;
        _catalog = catalog;
        _waivers = waivers ?? [];
        _baselineFailures = baseline?.Scenarios.Where(IsUnsuccessful).Select(s => s.Fingerprint).ToHashSet(StringComparer.Ordinal);
        _required = RequiredControls.Resolve(settings.RequiredControls, catalog, settingsSource, requiredControlPosition);
    }

    /// <summary>The run with failures annotated and <see cref="RunResult.Gate"/> set.</summary>
    /// <param name="run">A finished (or interrupted) run.</param>
    /// <param name="today">The day waivers are checked against; the run's start day (UTC) by default.</param>
    public RunResult Evaluate(RunResult run, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var day = today ?? DateOnly.FromDateTime(run.StartedAt.UtcDateTime);
        var reasons = new List<GateReason>();
        var notes = new List<string>();
        var usedWaivers = new HashSet<Waiver>(ReferenceEqualityComparer.Instance);

        if (run.Interrupted || run.Summary.NotRun > 0)
        {
            reasons.Add(new GateReason(GateReasonKind.RunIncomplete, $"the run did not complete: {run.InterruptionReason ?? $"{run.Summary.NotRun} scenarios not run"}"));
        }

        var scenarios = new List<ScenarioResult>(run.Scenarios.Count);
        var expiredReasons = new List<GateReason>();
        foreach (var scenario in run.Scenarios)
        {
            var baseline = _baselineFailures is null || !IsUnsuccessful(scenario) ? (BaselineStatus?)null
                : _baselineFailures.Contains(scenario.Fingerprint) ? BaselineStatus.Existing : BaselineStatus.New;
            Waiver? waiver = null;
            if (scenario.Status == ResultStatus.Failed)
            {
                var matching = _waivers.Where(w => Covers(w, scenario)).ToList();
                waiver = ActiveWaiverFor(scenario, matching, day);
                if (waiver is not null)
                {
                    usedWaivers.Add(waiver);
                }
                else
                {
                    foreach (var expired in matching.Where(w => !w.IsActiveOn(day)))
                    {
                        usedWaivers.Add(expired);
                        var message = $"waiver {expired.Location} ({expired.Key}) expired on {expired.ExpiresText}; it no longer covers {Describe(scenario)}";
                        expiredReasons.Add(new GateReason(GateReasonKind.WaiverExpired, message) { ScenarioIds = [scenario.Id] });
                    }
                }
            }

            scenarios.Add(scenario with { Waiver = waiver, Baseline = baseline });
        }

        foreach (var scenario in scenarios.Where(s => s.Status is ResultStatus.Undefined or ResultStatus.Pending or ResultStatus.Ambiguous))
        {
            reasons.Add(new GateReason(GateReasonKind.NotVerified, $"{scenario.Status.ToString().ToLowerInvariant()}: {Describe(scenario)}") { ScenarioIds = [scenario.Id] });
        }

        foreach (var scenario in scenarios.Where(s => CountsAgainstGate(s) && IsAtOrAboveThreshold(s)))
        {
            var message = $"failed ({SeverityOf(scenario).ToString().ToLowerInvariant()}{(scenario.Baseline is { } b ? $", {b.ToString().ToLowerInvariant()}" : string.Empty)}): {Describe(scenario)}";
            reasons.Add(new GateReason(GateReasonKind.FailedAtSeverity, message) { ScenarioIds = [scenario.Id] });
        }

        reasons.AddRange(expiredReasons.DistinctBy(r => r.Message));
        var coverageDeferred = run.Shard is not null;
        reasons.AddRange(RequiredControlReasons(scenarios, coverageDeferred));
        if (coverageDeferred)
        {
            notes.Add($"coverage checks deferred to merge: shard {run.Shard!.Index}/{run.Shard.Count} holds {run.Scenarios.Count} of {run.Shard.SelectedTotal} selected scenarios, so untested required controls and minimum pass rates are judged by `agentcompliance merge`");
        }
        else
        {
            reasons.AddRange(PassRateReasons(scenarios));
        }

        var existing = scenarios.Count(s => s.Status == ResultStatus.Failed && s.Waiver is null && s.Baseline == BaselineStatus.Existing);
        if (_settings.FailOn == GateFailOn.New && existing > 0)
        {
            notes.Add($"{existing} existing failure(s) from the baseline do not fail the gate (fail on: new)");
        }

        foreach (var unused in _waivers.Where(w => !usedWaivers.Contains(w)))
        {
            notes.Add(unused.IsActiveOn(day)
                ? $"waiver {unused.Location} ({unused.Key}) matched no failure; remove it if the failure is fixed"
                : $"waiver {unused.Location} ({unused.Key}) expired on {unused.ExpiresText} and matched no failure; remove it");
        }

        var verdict = new GateVerdict { Reasons = reasons, Notes = notes, ReportOnly = _settings.Mode == GateMode.ReportOnly, CoverageDeferred = coverageDeferred };
        return run with { Scenarios = scenarios, Gate = verdict };
    }

    /// <summary>Failed, undefined, pending or ambiguous: the scenario did not verify its control.</summary>
    public static bool IsUnsuccessful(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Status is ResultStatus.Failed or ResultStatus.Undefined or ResultStatus.Pending or ResultStatus.Ambiguous;
    }

    /// <summary>The scenario's severity level, <c>high</c> when it has no known <c>@severity:</c> tag.</summary>
    public static SeverityThreshold SeverityOf(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Enum.GetValues<SeverityThreshold>().FirstOrDefault(
            level => string.Equals(level.ToString(), scenario.Severity, StringComparison.OrdinalIgnoreCase),
            SeverityThreshold.High);
    }

    private static string Describe(ScenarioResult scenario) =>
        $"{scenario.Id} {scenario.Name}{(scenario.Example is null ? string.Empty : $" [{scenario.Example}]")}";

    private static bool Covers(Waiver waiver, ScenarioResult scenario) =>
        (waiver.Fingerprint is { } fingerprint && string.Equals(fingerprint, scenario.Fingerprint, StringComparison.Ordinal))
        || (waiver.Scenario is { } key && (string.Equals(key, scenario.Id, StringComparison.Ordinal)
            || string.Equals(key, $"{scenario.FeatureName}/{scenario.Name}", StringComparison.OrdinalIgnoreCase)))
        || (waiver.Control is { } control && scenario.Controls.Contains(control, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// A scenario or fingerprint waiver covers the failure alone; control waivers only when every control the
    /// scenario is tagged with has one, so waiving ASI03 cannot hide a failure that also breaks NHI7.
    /// </summary>
    private static Waiver? ActiveWaiverFor(ScenarioResult scenario, List<Waiver> matching, DateOnly day)
    {
        var active = matching.Where(w => w.IsActiveOn(day)).ToList();
        var direct = active.FirstOrDefault(w => w.Control is null);
        if (direct is not null)
        {
            return direct;
        }

        var byControl = active.Where(w => w.Control is not null).ToList();
        var allCovered = byControl.Count > 0
            && scenario.Controls.All(c => byControl.Any(w => string.Equals(w.Control, c, StringComparison.OrdinalIgnoreCase)));
        return allCovered ? byControl[0] : null;
    }

    /// <summary>A failure the gate counts: failed, not waived, and new when gating on new failures only.</summary>
    private bool CountsAgainstGate(ScenarioResult scenario) =>
        scenario.Status == ResultStatus.Failed && scenario.Waiver is null
        && (_settings.FailOn == GateFailOn.All || scenario.Baseline != BaselineStatus.Existing);

    private bool IsAtOrAboveThreshold(ScenarioResult scenario) => SeverityOf(scenario) <= _settings.FailOnSeverity;

    /// <param name="scenarios">The run's scenarios, waivers and baseline marks applied.</param>
    /// <param name="coverageDeferred">On a shard: a required control no scenario of this shard tested may be tested by another, so only failures count.</param>
    private IEnumerable<GateReason> RequiredControlReasons(List<ScenarioResult> scenarios, bool coverageDeferred)
    {
        foreach (var control in _required)
        {
            var ids = SelfAndDescendants(control).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var ran = scenarios.Where(s => s.Status is not (ResultStatus.Skipped or ResultStatus.NotRun) && s.Controls.Any(ids.Contains)).ToList();
            if (ran.Count == 0)
            {
                if (coverageDeferred)
                {
                    continue;
                }

                yield return new GateReason(GateReasonKind.RequiredControlUntested, $"required control {control.Id} ({control.Name}) was not tested: no scenario tagged with it ran");
                continue;
            }

            var failing = ran.Where(s => CountsAgainstGate(s) || s.Status is ResultStatus.Undefined or ResultStatus.Pending or ResultStatus.Ambiguous).ToList();
            if (failing.Count > 0)
            {
                var message = $"required control {control.Id} ({control.Name}) failed: {string.Join("; ", failing.Select(Describe))}";
                yield return new GateReason(GateReasonKind.RequiredControlFailed, message) { ScenarioIds = [.. failing.Select(s => s.Id)] };
            }
        }
    }

    private IEnumerable<string> SelfAndDescendants(Control control)
    {
        yield return control.Id;
        foreach (var child in _catalog.ChildrenOf(control))
        {
            foreach (var id in SelfAndDescendants(child))
            {
                yield return id;
            }
        }
    }

    private IEnumerable<GateReason> PassRateReasons(List<ScenarioResult> scenarios)
    {
        foreach (var (frameworkId, minimumOf) in PassRates)
        {
            if (minimumOf(_settings.MinPassRate) is not { } minimum)
            {
                continue;
            }

            var controlIds = _catalog.Controls.Where(c => c.FrameworkId == frameworkId).Select(c => c.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var byControl = scenarios
                .Where(s => s.Status is not (ResultStatus.Skipped or ResultStatus.NotRun))
                .SelectMany(s => s.Controls.Where(controlIds.Contains).Select(c => (Control: c, Scenario: s)))
                .GroupBy(pair => pair.Control, pair => pair.Scenario, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var tested = byControl.Count;
            var passed = byControl.Count(g => g.All(s => s.Status == ResultStatus.Passed || (s.Status == ResultStatus.Failed && s.Waiver is not null)));
            if (tested == 0)
            {
                yield return new GateReason(GateReasonKind.PassRateBelowMinimum, $"{frameworkId}: no control was tested (minimum pass rate {Percent(minimum)})");
            }
            else if ((double)passed / tested < minimum)
            {
                yield return new GateReason(GateReasonKind.PassRateBelowMinimum,
                    $"{frameworkId}: {passed} of {tested} tested controls passed ({Percent((double)passed / tested)}), below the minimum {Percent(minimum)}");
            }
        }
    }

    private static string Percent(double rate) => rate.ToString("P0", CultureInfo.InvariantCulture);
}
