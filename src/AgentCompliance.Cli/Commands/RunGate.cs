using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Gating;
using AgentCompliance.Reporting.Json;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// Builds the release gate for <c>run</c> from the profile's <c>gate</c>, <c>waivers</c> and <c>baseline</c> with the
/// command-line overrides. Called before any scenario runs, so a malformed waiver file or baseline exits 2 at once.
/// </summary>
internal static class RunGate
{
    /// <exception cref="Core.Diagnostics.InvalidInputException">Malformed waivers or baseline, unknown controls, fail-on new without baseline.</exception>
    public static GateEvaluator Create(RunGateOptions? overrides, bool reportOnly, TargetProfile? profile, ControlCatalog catalog)
    {
        var profileGate = profile?.Gate ?? new GateSettings();
        var settings = profileGate with
        {
            Mode = reportOnly ? GateMode.ReportOnly : profileGate.Mode,
            FailOn = overrides?.FailOn ?? profileGate.FailOn,
            FailOnSeverity = overrides?.FailOnSeverity ?? profileGate.FailOnSeverity,
        };

        var waiversPath = overrides?.WaiversPath ?? profile?.Waivers;
        var waivers = waiversPath is null ? [] : WaiverFileLoader.Load(RelativeToWorkingDirectory(waiversPath), catalog);
        var baselinePath = overrides?.BaselinePath ?? profile?.Baseline;
        var baseline = baselinePath is null ? null : RunResultJson.Read(baselinePath);
        return new GateEvaluator(settings, catalog, waivers, baseline, profile?.SourceFile ?? "gate", RequiredControlPosition(profile));
    }

    /// <summary>
    /// The profile resolves its paths to absolute ones; waivers are named by <c>file:line</c> in job summaries, SARIF and
    /// JUnit, which should read <c>compliance/waivers.yaml:3</c>, not the CI machine's checkout folder.
    /// </summary>
    private static string RelativeToWorkingDirectory(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return Path.IsPathRooted(relative) || relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    /// <summary>
    /// Positions of <c>gate.requiredControls</c> entries, read again from the profile only when an entry is unknown:
    /// the catalog (with the profile's own catalogs) exists only after the profile is loaded.
    /// </summary>
    private static Func<int, SourcePosition>? RequiredControlPosition(TargetProfile? profile)
    {
        // A profile built in memory has no file to read positions from.
        if (profile?.SourceFile is not { } file || !File.Exists(file))
        {
            return null;
        }

        var document = new Lazy<PositionedDocument>(() => SchemaValidatedDocumentLoader.ReadDocument(file, SchemaResources.Profile));
        return index => document.Value.Root.SelectToken($"gate.requiredControls[{index}]") is { } token ? document.Value.PositionOf(token) : default;
    }
}
