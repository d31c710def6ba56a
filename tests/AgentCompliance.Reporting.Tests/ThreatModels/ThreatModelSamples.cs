using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Results;
using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Evidence;
using AgentCompliance.ThreatModel.Modeling;
using AgentCompliance.ThreatModel.Tracking;

namespace AgentCompliance.Reporting.Tests.ThreatModels;

/// <summary>The bundled sample system model joined with a small fixed run, and a hostile variant for the escaping corpus.</summary>
internal static class ThreatModelSamples
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);

    public static SystemModel ReferencePlatform => SystemModelLoader.Load(RepositoryLayout.PathOf("samples", "system-models", "reference-platform.yaml"));

    /// <summary>NHI10 fails with HTTP evidence, ASI07 passes, NHI7 fails, ASI03 passes; everything else is untested.</summary>
    public static RunResult SmallRun(string hostile = "") => new()
    {
        ToolVersion = "0.1.0-test",
        StartedAt = new DateTimeOffset(2026, 2, 3, 4, 0, 0, TimeSpan.Zero),
        FinishedAt = new DateTimeOffset(2026, 2, 3, 4, 0, 30, TimeSpan.Zero),
        Scenarios =
        [
            Scenario("features/design/agent-identities.feature:12", "No identity is shared between people and agents" + hostile, ["NHI10", "ASI09"], ResultStatus.Failed,
                "identity billing-service-account is used by billing-agent and refund-approver" + hostile,
                new EvidenceItem("http", "GET http://127.0.0.1:18081/identities → 200" + hostile, "HTTP/1.1 200 OK\ncontent-type: application/json\n\n{\"usedBy\":[\"billing-agent\",\"refund-approver\"]}" + hostile)),
            Scenario("features/design/trust-boundaries.feature:8", "Boundary-crossing flows are authenticated", ["ASI07", "NHI4"], ResultStatus.Passed, null,
                new EvidenceItem("note", "every crossing flow names an authentication", "10 flows checked")),
            Scenario("features/design/agent-identities.feature:20", "Agent credentials are short-lived", ["NHI7"], ResultStatus.Failed,
                "svc-billing credentials live 3600 s (limit 900 s)",
                new EvidenceItem("finding", "src/Billing/TokenCache.cs:42 caches the token for an hour", "var lifetime = TimeSpan.FromHours(1);")),
            Scenario("features/design/agent-identities.feature:28", "Every agent has a distinct workload identity", ["ASI03"], ResultStatus.Passed, null),
        ],
    };

    public static ThreatModelResult Build(SystemModel? model = null, RunResult? run = null, RiskTrackingDocument? tracking = null, IReadOnlyList<ControlWaiver>? waivers = null)
    {
        var system = model ?? ReferencePlatform;
        var index = ControlStatusIndex.Build(ControlCatalog.BuiltIn, run, waivers);
        return new ThreatModelGenerator().Generate(system, index, run, tracking, GeneratedAt);
    }

    public static RiskTrackingDocument Tracking(string hostile = "") => new()
    {
        Version = 1,
        Risks =
        [
            new TrackedRisk
            {
                Threat = "TM043@reference-agent-platform",
                Status = RiskDecision.Accepted,
                Justification = "The model endpoint is assessed in the platform's own review" + hostile,
                Owner = "platform-security" + hostile,
                Date = new DateOnly(2026, 1, 15),
            },
        ],
    };

    private static ScenarioResult Scenario(string id, string name, string[] controls, ResultStatus status, string? error, params EvidenceItem[] evidence) => new()
    {
        Id = id,
        Name = name,
        FeatureName = "Design review",
        FeatureFile = id[..id.IndexOf(':', StringComparison.Ordinal)],
        Line = int.Parse(id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture),
        Tags = controls,
        Controls = controls,
        Status = status,
        ErrorMessage = error,
        Steps =
        [
            new StepResult { Keyword = "Then ", Text = "the check holds", Status = status, ErrorMessage = error, Evidence = evidence },
        ],
    };
}
