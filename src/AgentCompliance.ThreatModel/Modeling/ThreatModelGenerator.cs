using AgentCompliance.Core.Results;
using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Evidence;
using AgentCompliance.ThreatModel.Rules;
using AgentCompliance.ThreatModel.Tracking;

namespace AgentCompliance.ThreatModel.Modeling;

/// <summary>
/// Runs every threat rule over a system model and joins each threat with the status of its mitigating controls.
/// Threats come out in a stable order (rule, then target id) so that reports and diffs are reproducible.
/// </summary>
public sealed class ThreatModelGenerator
{
    private readonly IReadOnlyList<IThreatRule> _rules;

    public ThreatModelGenerator(IReadOnlyList<IThreatRule>? rules = null)
    {
        _rules = rules ?? BuiltInThreatRules.All;
    }

    /// <summary>Threat ids the model produces, e.g. to validate a risk tracking file before joining it.</summary>
    public IReadOnlyList<string> ThreatIds(SystemModel model)
    {
        var view = new ModelView(model);
        return [.. _rules.SelectMany(rule => rule.Evaluate(view).Select(match => $"{rule.Metadata.Id}@{match.ElementId}")).Distinct(StringComparer.Ordinal)];
    }

    public ThreatModelResult Generate(SystemModel model, ControlStatusIndex controls, RunResult? run = null, RiskTrackingDocument? tracking = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(controls);
        var view = new ModelView(model);
        var decisions = (tracking?.Risks ?? []).ToDictionary(r => r.Threat, StringComparer.Ordinal);
        var threats = new List<Threat>();
        foreach (var rule in _rules)
        {
            var metadata = rule.Metadata;
            var evidence = metadata.Controls.Select(controls.Get).ToList();
            var testable = evidence.Count(e => e.Control.Testable);
            var passed = evidence.Count(e => e.Status == ControlStatus.Passed);
            var status = StatusOf(evidence);

            // One threat per target even if a rule reports it twice.
            foreach (var match in rule.Evaluate(view).DistinctBy(m => m.ElementId, StringComparer.Ordinal))
            {
                var id = $"{metadata.Id}@{match.ElementId}";
                threats.Add(new Threat(
                    id,
                    metadata.Id,
                    metadata.Title,
                    match.ElementId,
                    KindOf(view, match.ElementId),
                    match.Reason,
                    metadata.Layers,
                    BoundariesOf(view, match.ElementId),
                    metadata.Likelihood,
                    metadata.Impact,
                    RiskScore.ResidualLikelihood(metadata.Likelihood, passed, testable),
                    metadata.Mitigation,
                    evidence,
                    status)
                { Tracking = decisions.GetValueOrDefault(id) });
            }
        }

        return new ThreatModelResult(
            model,
            view,
            [.. _rules.Select(r => r.Metadata)],
            [.. threats.OrderBy(t => t.RuleId, StringComparer.Ordinal).ThenBy(t => t.TargetId, StringComparer.Ordinal)],
            controls)
        {
            Run = run,
            GeneratedAt = now ?? DateTimeOffset.UtcNow,
        };
    }

    private static ThreatStatus StatusOf(List<ControlEvidence> evidence)
    {
        if (evidence.Any(e => e.Status == ControlStatus.Failed))
        {
            return ThreatStatus.Failed;
        }

        var testable = evidence.Where(e => e.Control.Testable).ToList();
        var passed = testable.Count(e => e.Status == ControlStatus.Passed);
        return passed == 0 ? ThreatStatus.Untested : passed == testable.Count ? ThreatStatus.Verified : ThreatStatus.PartiallyVerified;
    }

    private static string KindOf(ModelView view, string id) => view.Find(id) switch
    {
        AgentElement => "agent",
        HumanElement => "human",
        IdentityElement => "identity",
        ServiceElement => "service",
        ToolElement => "tool",
        DataStoreElement => "data store",
        ExternalServiceElement => "external service",
        TrustBoundary => "trust boundary",
        DataFlow => "flow",
        _ => "system",
    };

    // A flow is placed at the boundaries it crosses; an element at the boundaries that enclose it.
    private static IReadOnlyList<string> BoundariesOf(ModelView view, string id) =>
    [
        .. (view.Find(id) is DataFlow flow ? view.Boundaries.BoundariesCrossedBy(flow) : view.Boundaries.EnclosingBoundaries(id)).Order(StringComparer.Ordinal),
    ];
}
