using AgentCompliance.Core.SystemModels;
using Reqnroll;

namespace AgentCompliance.Steps.Design;

/// <summary>
/// Foundation-model controls (MAESTRO layer 1) on the system model: the models the agents reason with are components
/// like any other, so they belong in the inventory that the threat model and the other controls review.
/// </summary>
[Binding]
public sealed class FoundationModelDesignSteps(SystemModelContext context, IReqnrollOutputHelper output)
{
    /// <summary>
    /// The model lists the foundation models the agents use (a service of kind <c>model-endpoint</c> or an external
    /// service of kind <c>model-provider</c>), and every one of them is reached by at least one flow.
    /// </summary>
    /// <example>Then the foundation models the agents use are in the system model</example>
    [Then("the foundation models the agents use are in the system model")]
    public void ThenTheFoundationModelsAreModelled()
    {
        var model = context.Model;
        var foundationModels = model.Services.Where(s => s.Kind == ServiceKind.ModelEndpoint).Select(s => (s.Id, s.Name))
            .Concat(model.ExternalServices.Where(e => e.Kind == ExternalServiceKind.ModelProvider).Select(e => (e.Id, e.Name)))
            .ToList();
        if (foundationModels.Count == 0)
        {
            throw new ControlFailedException(
                $"the system model '{model.Name}' lists no foundation model (no service of kind model-endpoint, no external service of kind model-provider): " +
                "the model layer the agents reason with is outside the review; add the endpoint or provider and the flows that reach it");
        }

        var violations = new List<string>();
        foreach (var (id, name) in foundationModels)
        {
            var callers = model.Flows.Where(f => f.To == id).Select(f => f.From).Distinct(StringComparer.Ordinal).ToList();
            if (callers.Count == 0)
            {
                violations.Add($"foundation model '{name}' ({id}) is listed but no flow reaches it: model which agents call it and how");
            }
            else
            {
                output.WriteLine($"{id}: called by {string.Join(", ", callers)}");
            }
        }

        ControlFailedException.ThrowIfAny(violations, "foundation models without flows");
    }
}
