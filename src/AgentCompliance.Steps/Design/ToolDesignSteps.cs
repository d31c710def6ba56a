using AgentCompliance.Core.SystemModels;
using Reqnroll;

namespace AgentCompliance.Steps.Design;

/// <summary>Blast-radius controls on tools and integrations.</summary>
[Binding]
public sealed class ToolDesignSteps(SystemModelContext context, IReqnrollOutputHelper output)
{
    /// <summary>Tools that move money, destroy data or grant privileges need a person's approval before they run.</summary>
    /// <example>Then every financial, destructive or privileged tool requires human approval</example>
    [Then("every financial, destructive or privileged tool requires human approval")]
    public void ThenHighImpactToolsRequireHumanApproval()
    {
        var highImpact = context.Model.Tools
            .Where(t => t.Sensitivity is ToolSensitivity.Financial or ToolSensitivity.Destructive or ToolSensitivity.Privileged)
            .ToList();
        foreach (var tool in highImpact.Where(t => t.RequiresHumanApproval))
        {
            output.WriteLine($"{tool.Id}: requires human approval");
        }

        ControlFailedException.ThrowIfAny(
            [.. highImpact.Where(t => !t.RequiresHumanApproval).Select(t => $"{context.Describe(t.Id)} ({t.Sensitivity}) runs without human approval")],
            "high-impact tools without human approval");
    }

    /// <summary>Agents may only use tools they declare; a flow invoking an undeclared tool widens the blast radius.</summary>
    /// <example>Then every agent calls only the tools it declares</example>
    [Then("every agent calls only the tools it declares")]
    public void ThenAgentsCallOnlyDeclaredTools()
    {
        var violations = new List<string>();
        foreach (var agent in context.Model.Agents)
        {
            var declared = agent.Tools.ToHashSet(StringComparer.Ordinal);
            var called = context.Model.Flows.Where(f => f.From == agent.Id)
                .SelectMany(f => f.Tools.Append(f.To))
                .Where(id => context.Model.Find(id) is ToolElement)
                .Distinct(StringComparer.Ordinal);
            violations.AddRange(called.Where(t => !declared.Contains(t)).Select(t => $"{context.Describe(agent.Id)} calls undeclared {context.Describe(t)}"));
        }

        ControlFailedException.ThrowIfAny(violations, "agents calling tools outside their declared set");
    }

    /// <summary>Every external integration can be isolated behind its own boundary and credential (legacy SaaS often cannot).</summary>
    /// <example>Then every external integration can be isolated</example>
    [Then("every external integration can be isolated")]
    public void ThenExternalIntegrationsCanBeIsolated()
    {
        var violations = context.Model.ExternalServices
            .Where(s => s.CanBeIsolated != true)
            .Select(s => s.CanBeIsolated is null
                ? $"external service '{s.Name}' ({s.Id}) does not state whether it can be isolated"
                : $"external service '{s.Name}' ({s.Id}){(s.Legacy ? " is a legacy integration that" : "")} cannot be isolated")
            .ToList();
        ControlFailedException.ThrowIfAny(violations, "integrations that cannot be isolated");
    }
}
