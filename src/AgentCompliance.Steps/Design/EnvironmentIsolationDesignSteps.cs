using AgentCompliance.Core.SystemModels;
using Reqnroll;

namespace AgentCompliance.Steps.Design;

/// <summary>
/// Isolation of machine identities between environments and tenants. Each environment (development, staging,
/// production) or customer tenant is modelled as a trust boundary of kind <c>tenant</c>; one credential presented on
/// both sides of such a boundary lets the weaker side reach the stronger one.
/// </summary>
[Binding]
public sealed class EnvironmentIsolationDesignSteps(SystemModelContext context, IReqnrollOutputHelper output)
{
    /// <summary>
    /// No identity is presented both on a flow that crosses a tenant or organisation boundary and on a flow that stays
    /// inside; a model without any tenant boundary fails, because the environments are not modelled.
    /// </summary>
    /// <example>Then no identity is used on both sides of a tenant boundary</example>
    [Then("no identity is used on both sides of a tenant boundary")]
    public void ThenNoIdentityIsUsedOnBothSidesOfATenantBoundary()
    {
        var model = context.Model;
        var separating = model.TrustBoundaries
            .Where(b => b.Kind is TrustBoundaryKind.Tenant or TrustBoundaryKind.Organisation)
            .Select(b => b.Id)
            .ToHashSet(StringComparer.Ordinal);
        if (!model.TrustBoundaries.Any(b => b.Kind == TrustBoundaryKind.Tenant))
        {
            throw new ControlFailedException(
                "no trust boundary of kind tenant in the system model: model each environment (development, staging, production) or tenant as one before this control can be verified");
        }

        var violations = new List<string>();
        foreach (var identity in model.Identities)
        {
            var flows = model.Flows.Where(f => f.Identity == identity.Id).ToList();
            var crossing = flows.Where(f => context.Boundaries.BoundariesCrossedBy(f).Any(separating.Contains)).ToList();
            var inside = flows.Except(crossing).ToList();
            if (crossing.Count > 0 && inside.Count > 0)
            {
                violations.Add(
                    $"{context.Describe(identity.Id)} is presented across a tenant boundary ({string.Join(", ", crossing.Select(f => f.Id))}) " +
                    $"and inside it ({string.Join(", ", inside.Select(f => f.Id))})");
            }
            else if (flows.Count > 0)
            {
                output.WriteLine($"{identity.Id}: presented only {(crossing.Count > 0 ? "across" : "inside")} tenant boundaries ({string.Join(", ", flows.Select(f => f.Id))})");
            }
        }

        ControlFailedException.ThrowIfAny(violations, "identities reused across tenant or environment boundaries");
    }
}
