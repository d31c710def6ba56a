using System.Globalization;
using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Results;
using AgentCompliance.Core.SystemModels;
using AgentCompliance.Reporting.Json;
using AgentCompliance.ThreatModel.Evidence;
using AgentCompliance.ThreatModel.Modeling;
using Scriban.Runtime;

namespace AgentCompliance.Reporting.ThreatModels;

/// <summary>
/// The threat model as one tree of plain values: written as threat-model.json (schema: threat-model.schema.json) and
/// handed to the report templates, so the JSON and the reports can never disagree. Values are raw; templates escape
/// them for their context.
/// </summary>
public static class ThreatModelDocument
{
    /// <summary>The format version of threat-model.json.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Frameworks the reports show control status for, in this order; other catalog frameworks follow.</summary>
    private static readonly string[] ReportedFirst = ["asi", "nhi", "maestro", "nist-ai-rmf"];

    public static ScriptObject Build(ThreatModelResult model, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(model);
        var threatsByControl = model.Threats.SelectMany(t => t.Controls.Select(c => (c.Control.Id, t.Id)))
            .ToLookup(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        var view = model.View;

        var root = new ScriptObject
        {
            ["schemaVersion"] = SchemaVersion,
            ["toolVersion"] = toolVersion,
            ["generatedAt"] = Timestamp(model.GeneratedAt),
            ["system"] = new ScriptObject { ["name"] = model.System.Name, ["description"] = model.System.Description },
            ["run"] = model.Run is null ? null : Run(model.Run),
            ["summary"] = Summary(model),
            ["layers"] = Array(Enum.GetValues<MaestroLayer>().Select(layer => Layer(model, layer))),
            ["elements"] = Array(model.System.Elements.Where(e => e is not DataFlow and not TrustBoundary).Select(e => Element(view, e))),
            ["trustBoundaries"] = Array(model.System.TrustBoundaries.Select(b => new ScriptObject
            {
                ["id"] = b.Id,
                ["name"] = b.Name,
                ["kind"] = EnumText(b.Kind),
                ["contains"] = Array(b.Contains),
            })),
            ["flows"] = Array(model.System.Flows.Select(f => Flow(view, f))),
            ["threats"] = Array(model.Threats.Select(Threat)),
            ["frameworks"] = Array(OrderedFrameworks(model.Controls.Catalog).Select(f => Framework(f, model.Controls, threatsByControl))),
            ["rules"] = Array(model.Rules.Select(r => new ScriptObject
            {
                ["id"] = r.Id,
                ["title"] = r.Title,
                ["layers"] = Array(r.Layers.Select(l => l.ToString())),
                ["controls"] = Array(r.Controls),
                ["likelihood"] = r.Likelihood,
                ["impact"] = r.Impact,
                ["mitigation"] = r.Mitigation,
                ["detectionLogic"] = r.DetectionLogic,
                ["falsePositives"] = r.FalsePositives,
            })),
        };
        return root;
    }

    private static ScriptObject Run(RunResult run)
    {
        var summary = run.Summary;
        return new ScriptObject
        {
            ["toolVersion"] = run.ToolVersion,
            ["startedAt"] = Timestamp(run.StartedAt),
            ["finishedAt"] = run.FinishedAt is { } finished ? Timestamp(finished) : null,
            ["interrupted"] = run.Interrupted,
            ["scenarios"] = new ScriptObject
            {
                ["total"] = summary.Total,
                ["passed"] = summary.Passed,
                ["failed"] = summary.Failed,
                ["undefined"] = summary.Undefined,
                ["pending"] = summary.Pending,
                ["ambiguous"] = summary.Ambiguous,
                ["skipped"] = summary.Skipped,
                ["notRun"] = summary.NotRun,
            },
        };
    }

    private static ScriptObject Summary(ThreatModelResult model)
    {
        var open = model.Threats.Where(t => t.Tracking?.Status != ThreatModel.Tracking.RiskDecision.FalsePositive).ToList();
        var controls = model.Controls.All.Where(c => ReportedFirst.Contains(c.Control.FrameworkId)).ToList();
        return new ScriptObject
        {
            ["threats"] = model.Threats.Count,
            ["openThreats"] = open.Count,
            ["rulesRun"] = model.Rules.Count,
            ["rulesFired"] = model.Threats.Select(t => t.RuleId).Distinct().Count(),
            ["residual"] = new ScriptObject
            {
                ["critical"] = open.Count(t => t.ResidualLevel == "critical"),
                ["high"] = open.Count(t => t.ResidualLevel == "high"),
                ["medium"] = open.Count(t => t.ResidualLevel == "medium"),
                ["low"] = open.Count(t => t.ResidualLevel == "low"),
            },
            ["threatStatus"] = Counts(open.Select(t => StatusText(t.Status))),
            ["tracking"] = new ScriptObject
            {
                ["accepted"] = model.Threats.Count(t => t.Tracking?.Status == ThreatModel.Tracking.RiskDecision.Accepted),
                ["mitigated"] = model.Threats.Count(t => t.Tracking?.Status == ThreatModel.Tracking.RiskDecision.Mitigated),
                ["falsePositive"] = model.Threats.Count(t => t.Tracking?.Status == ThreatModel.Tracking.RiskDecision.FalsePositive),
            },
            ["controlStatus"] = Counts(controls.Select(c => StatusText(c.Status))),
            ["coverageGaps"] = controls.Count(c => c.Status == ControlStatus.Untested && c.Control.Testable),
            ["processControls"] = controls.Count(c => !c.Control.Testable),
        };
    }

    private static ScriptObject Counts(IEnumerable<string> statuses)
    {
        var counts = new ScriptObject();
        foreach (var name in new[] { "failed", "waived", "untested", "partially-verified", "verified", "passed" })
        {
            counts[name] = 0;
        }

        foreach (var status in statuses)
        {
            counts[status] = (int)counts[status]! + 1;
        }

        return counts;
    }

    private static ScriptObject Layer(ThreatModelResult model, MaestroLayer layer)
    {
        var control = model.Controls.Catalog.TryResolve($"MAESTRO-{layer}", out var found) ? found : null;
        var threats = model.Threats.Where(t => t.Layers.Contains(layer) && t.Tracking?.Status != ThreatModel.Tracking.RiskDecision.FalsePositive).ToList();
        return new ScriptObject
        {
            ["id"] = layer.ToString(),
            ["name"] = control?.Name ?? layer.ToString(),
            ["elements"] = Array(model.System.Elements.Where(e => e is not DataFlow && model.View.LayersOf(e.Id).Contains(layer)).Select(e => e.Id)),
            ["threatStatus"] = Counts(threats.Select(t => StatusText(t.Status))),
            ["threats"] = threats.Count,
            ["controlStatus"] = control is null ? "untested" : StatusText(model.Controls.Get(control.Id).Status),
        };
    }

    private static ScriptObject Element(ModelView view, ModelElement element) => new()
    {
        ["id"] = element.Id,
        ["name"] = view.NameOf(element.Id),
        ["kind"] = KindOf(element),
        ["subKind"] = element switch
        {
            ServiceElement s => EnumText(s.Kind),
            ExternalServiceElement e => EnumText(e.Kind),
            DataStoreElement d => EnumText(d.Kind),
            IdentityElement i => EnumText(i.Kind),
            ToolElement t => EnumText(t.Sensitivity),
            _ => null,
        },
        ["description"] = element.Description,
        ["layers"] = Array(view.LayersOf(element.Id).Select(l => l.ToString())),
        ["boundaries"] = Array(view.Boundaries.EnclosingBoundaries(element.Id).Order(StringComparer.Ordinal)),
    };

    private static ScriptObject Flow(ModelView view, DataFlow flow) => new()
    {
        ["id"] = flow.Id,
        ["name"] = flow.Name,
        ["from"] = flow.From,
        ["to"] = flow.To,
        ["protocol"] = EnumText(flow.Protocol),
        ["authentication"] = EnumText(flow.Authentication),
        ["authorization"] = EnumText(flow.Authorization),
        ["logging"] = EnumText(flow.Logging),
        ["identity"] = flow.Identity,
        ["tools"] = Array(flow.Tools),
        ["crosses"] = Array(view.Boundaries.BoundariesCrossedBy(flow).Order(StringComparer.Ordinal)),
    };

    private static ScriptObject Threat(Threat threat) => new()
    {
        ["id"] = threat.Id,
        ["ruleId"] = threat.RuleId,
        ["title"] = threat.Title,
        ["target"] = threat.TargetId,
        ["targetKind"] = threat.TargetKind,
        ["reason"] = threat.Reason,
        ["layers"] = Array(threat.Layers.Select(l => l.ToString())),
        ["crossLayer"] = threat.IsCrossLayer,
        ["boundaries"] = Array(threat.Boundaries),
        ["likelihood"] = threat.Likelihood,
        ["impact"] = threat.Impact,
        ["inherentRisk"] = threat.InherentRisk,
        ["residualLikelihood"] = threat.ResidualLikelihood,
        ["residualRisk"] = threat.ResidualRisk,
        ["residualLevel"] = threat.ResidualLevel,
        ["status"] = StatusText(threat.Status),
        ["mitigation"] = threat.Mitigation,
        ["controls"] = Array(threat.Controls.Select(c => new ScriptObject
        {
            ["id"] = c.Control.Id,
            ["name"] = c.Control.Name,
            ["framework"] = c.Control.FrameworkId,
            ["testable"] = c.Control.Testable,
            ["status"] = StatusText(c.Status),
            ["scenarioCount"] = c.ScenarioCount,
            ["firstFailure"] = c.Scenarios.FirstOrDefault(s => s.Status != ResultStatus.Passed && c.Status is ControlStatus.Failed or ControlStatus.Waived) is { } failure
                ? new ScriptObject { ["scenario"] = failure.ScenarioId, ["name"] = failure.Name, ["error"] = failure.ErrorMessage }
                : null,
        })),
        ["tracking"] = threat.Tracking is { } tracked
            ? new ScriptObject
            {
                ["status"] = EnumText(tracked.Status),
                ["justification"] = tracked.Justification,
                ["owner"] = tracked.Owner,
                ["date"] = tracked.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }
            : null,
    };

    private static IEnumerable<Framework> OrderedFrameworks(ControlCatalog catalog) =>
        catalog.Frameworks.OrderBy(f => System.Array.IndexOf(ReportedFirst, f.Id) is var i && i < 0 ? int.MaxValue : i).ThenBy(f => f.Id, StringComparer.Ordinal);

    private static ScriptObject Framework(Framework framework, ControlStatusIndex index, ILookup<string, string> threatsByControl)
    {
        var controls = index.All.Where(c => c.Control.FrameworkId == framework.Id).ToList();
        return new ScriptObject
        {
            ["id"] = framework.Id,
            ["name"] = framework.Name,
            ["status"] = Counts(controls.Select(c => StatusText(c.Status))),
            ["coverageGaps"] = controls.Count(c => c.Status == ControlStatus.Untested && c.Control.Testable),
            ["processControls"] = controls.Count(c => !c.Control.Testable),
            ["controls"] = Array(controls.Select(c => Control(c, threatsByControl))),
        };
    }

    private static ScriptObject Control(ControlEvidence evidence, ILookup<string, string> threatsByControl) => new()
    {
        ["id"] = evidence.Control.Id,
        ["name"] = evidence.Control.Name,
        ["kind"] = evidence.Control.Kind.ToString().ToLowerInvariant(),
        ["parent"] = evidence.Control.Parent,
        ["testable"] = evidence.Control.Testable,
        ["status"] = StatusText(evidence.Status),
        ["gap"] = evidence.Status == ControlStatus.Untested && evidence.Control.Testable,
        ["scenarioCount"] = evidence.ScenarioCount,
        ["threats"] = Array(threatsByControl[evidence.Control.Id].Distinct(StringComparer.Ordinal)),
        ["waiver"] = evidence.Waiver is { } waiver
            ? new ScriptObject
            {
                ["justification"] = waiver.Justification,
                ["expires"] = waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["owner"] = waiver.Owner,
            }
            : null,
        ["scenarios"] = Array(evidence.Scenarios.Select(s => new ScriptObject
        {
            ["id"] = s.ScenarioId,
            ["name"] = s.Name,
            ["featureFile"] = s.FeatureFile,
            ["line"] = s.Line,
            ["status"] = ResultStatusNames.ToJson(s.Status),
            ["errorMessage"] = s.ErrorMessage,
            ["evidence"] = Array(s.Evidence.Select(e => new ScriptObject { ["kind"] = e.Kind, ["title"] = e.Title, ["text"] = e.Text })),
        })),
    };

    private static string KindOf(ModelElement element) => element switch
    {
        AgentElement => "agent",
        HumanElement => "human",
        IdentityElement => "identity",
        ServiceElement => "service",
        ToolElement => "tool",
        DataStoreElement => "data-store",
        ExternalServiceElement => "external-service",
        _ => "other",
    };

    private static string StatusText(ControlStatus status) => status switch
    {
        ControlStatus.Passed => "passed",
        ControlStatus.Failed => "failed",
        ControlStatus.Waived => "waived",
        _ => "untested",
    };

    private static string StatusText(ThreatStatus status) => status switch
    {
        ThreatStatus.Failed => "failed",
        ThreatStatus.Verified => "verified",
        ThreatStatus.PartiallyVerified => "partially-verified",
        _ => "untested",
    };

    /// <summary>The enum's spelling in model files (its EnumMember value), e.g. <c>policy-at-request-time</c>.</summary>
    private static string EnumText<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var member = typeof(T).GetField(name)?.GetCustomAttributes(typeof(System.Runtime.Serialization.EnumMemberAttribute), false)
            .OfType<System.Runtime.Serialization.EnumMemberAttribute>().FirstOrDefault();
        return member?.Value ?? name.ToLowerInvariant();
    }

    private static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static ScriptArray Array<T>(IEnumerable<T> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }
}
