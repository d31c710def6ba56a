using AgentCompliance.Core.SystemModels;
using Reqnroll;

namespace AgentCompliance.Steps.Design;

/// <summary>
/// Human-oversight controls: an approval requirement only protects anything when a person in the model can actually
/// give or refuse that approval.
/// </summary>
[Binding]
public sealed class ApprovalDesignSteps(SystemModelContext context, IReqnrollOutputHelper output)
{
    /// <summary>
    /// For every tool that requires human approval, a person in the model has a flow to the agent gateway, to the tool's
    /// server or to the tool itself, where the approval is given.
    /// </summary>
    /// <example>Then every tool that requires human approval has a person who can approve it</example>
    [Then("every tool that requires human approval has a person who can approve it")]
    public void ThenApprovalToolsHaveAnApprover()
    {
        var model = context.Model;
        var approvalTools = model.Tools.Where(t => t.RequiresHumanApproval).ToList();
        if (approvalTools.Count == 0)
        {
            throw new ControlFailedException("no tool in the system model requires human approval: mark the tools a person must approve (requiresHumanApproval: true) before this control can be verified");
        }

        var humans = model.Humans.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var gateways = model.Services.Where(s => s.Kind == ServiceKind.AgentGateway).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var violations = new List<string>();
        foreach (var tool in approvalTools)
        {
            var approvers = model.Flows
                .Where(f => humans.Contains(f.From) && (f.To == tool.Id || f.To == tool.Server || gateways.Contains(f.To) || f.Tools.Contains(tool.Id, StringComparer.Ordinal)))
                .Select(f => f.From)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (approvers.Count == 0)
            {
                violations.Add($"{context.Describe(tool.Id)} requires human approval, but no person in the model has a flow where that approval is given");
            }
            else
            {
                output.WriteLine($"{tool.Id}: approved by {string.Join(", ", approvers)}");
            }
        }

        ControlFailedException.ThrowIfAny(violations, "approval requirements no person can meet");
    }
}
