using AgentCompliance.Analysis.Model;
using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Diagnostics;
using Reqnroll;

namespace AgentCompliance.Steps.Code;

/// <summary>
/// Code-analysis controls: the findings of the analysed agent code are the evidence. A finding fails a step unless a
/// justified suppression or waiver covers it; failures list each finding as <c>path:line:col RULE message</c>.
/// </summary>
[Binding]
public sealed class CodeFindingSteps(AgentCodeContext context, IReqnrollOutputHelper output)
{
    /// <summary>
    /// No unsuppressed finding comes from a rule mapped to this catalog control (any accepted spelling, e.g. ASI-05;
    /// a MAESTRO layer or NIST category also covers the controls under it).
    /// </summary>
    /// <example>Then no finding maps to control "ASI05"</example>
    [Then("no finding maps to control {string}")]
    public void ThenNoFindingMapsToControl(string controlId)
    {
        var catalog = ControlCatalog.BuiltIn;
        if (!catalog.TryResolve(controlId, out var control))
        {
            throw new ArgumentException($"{catalog.UnknownControlMessage(controlId)} ({ControlCatalog.ListControlsHint})");
        }

        var covered = WithDescendants(catalog, control);
        var mappedRules = context.Analyzer.Rules
            .Where(rule => rule.Controls.Any(id => covered.Contains(catalog.Normalize(id))))
            .Select(rule => rule.Id)
            .ToHashSet(StringComparer.Ordinal);
        if (mappedRules.Count == 0)
        {
            // Passing here would claim evidence the analysis cannot give.
            throw new ArgumentException($"no analysis rule maps to control '{control.Id}' ({control.Name}), so code analysis cannot evidence it; check it with another step");
        }

        Check(
            finding => mappedRules.Contains(finding.Rule.Id),
            $"findings mapped to {control.Id} ({control.Name})",
            $"no finding maps to {control.Id} ({control.Name}); rules checked: {string.Join(", ", mappedRules.Order(StringComparer.Ordinal))}");
    }

    /// <summary>No unsuppressed finding of this analysis rule (AC0001…; an unknown ID fails naming the valid ones).</summary>
    /// <example>Then there is no finding of rule "AC0001"</example>
    [Then("there is no finding of rule {string}")]
    public void ThenThereIsNoFindingOfRule(string ruleId)
    {
        var ids = context.Analyzer.Rules.Select(rule => rule.Id).ToList();
        var rule = context.Analyzer.Rules.FirstOrDefault(candidate => string.Equals(candidate.Id, ruleId.Trim(), StringComparison.OrdinalIgnoreCase));
        if (rule is null)
        {
            var closest = SpellingSuggestion.Closest(ruleId.Trim(), ids);
            throw new ArgumentException(
                $"unknown analysis rule '{ruleId}'{(closest is null ? "" : $"; did you mean '{closest}'?")} Valid rules: {string.Join(", ", ids)}");
        }

        Check(
            finding => finding.Rule.Id == rule.Id,
            $"findings of {rule.Id} ({rule.Title})",
            $"no finding of {rule.Id} ({rule.Title})");
    }

    /// <summary>No unsuppressed finding at this severity or a more serious one: <c>error</c>, <c>warning</c> or <c>note</c>.</summary>
    /// <example>Then there is no finding at or above severity "warning"</example>
    [Then("there is no finding at or above severity {string}")]
    public void ThenThereIsNoFindingAtOrAboveSeverity(string severity)
    {
        RuleSeverity? parsed = severity.Trim().ToLowerInvariant() switch
        {
            "error" => RuleSeverity.Error,
            "warning" => RuleSeverity.Warning,
            "note" => RuleSeverity.Note,
            _ => null,
        };
        if (parsed is not { } threshold)
        {
            throw new ArgumentException($"unknown severity '{severity}'; use error, warning or note");
        }

        var name = threshold.ToString().ToLowerInvariant();
        Check(
            finding => finding.Severity >= threshold,
            $"findings at or above severity {name}",
            $"no finding at or above severity {name}");
    }

    private void Check(Func<Finding, bool> counts, string failureSummary, string passEvidence)
    {
        var violations = context.Unsuppressed.Where(counts).Select(AgentCodeContext.Describe).ToList();
        ControlFailedException.ThrowIfAny(violations, failureSummary);

        output.WriteLine($"{passEvidence} in {context.Scope()}");
        foreach (var suppressed in context.Reports.SelectMany(report => report.Findings).Where(finding => finding.IsSuppressed && counts(finding)))
        {
            output.WriteLine($"suppressed: {AgentCodeContext.Describe(suppressed)} ({suppressed.Suppression!.Origin}: {suppressed.Suppression.Justification})");
        }
    }

    private static HashSet<string> WithDescendants(ControlCatalog catalog, Control control)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Control>([control]);
        while (pending.TryPop(out var next))
        {
            if (ids.Add(next.Id))
            {
                foreach (var child in catalog.ChildrenOf(next))
                {
                    pending.Push(child);
                }
            }
        }

        return ids;
    }
}
