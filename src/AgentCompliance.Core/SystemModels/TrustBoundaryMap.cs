namespace AgentCompliance.Core.SystemModels;

/// <summary>
/// Which trust boundaries enclose each element (boundaries nest through <see cref="TrustBoundary.Contains"/>), and so
/// which flows cross a boundary. Shared by the design-review steps and the threat rules, so both agree on "crossing".
/// </summary>
public sealed class TrustBoundaryMap
{
    private readonly Dictionary<string, IReadOnlySet<string>> _enclosing;

    public TrustBoundaryMap(SystemModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var directParents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var boundary in model.TrustBoundaries)
        {
            foreach (var member in boundary.Contains)
            {
                if (!directParents.TryGetValue(member, out var parents))
                {
                    directParents[member] = parents = [];
                }

                parents.Add(boundary.Id);
            }
        }

        _enclosing = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var element in model.Elements)
        {
            _enclosing[element.Id] = Collect(element.Id, directParents);
        }
    }

    /// <summary>Every boundary that encloses the element, directly or through nesting.</summary>
    public IReadOnlySet<string> EnclosingBoundaries(string elementId) =>
        _enclosing.TryGetValue(elementId, out var boundaries) ? boundaries : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The boundaries a flow enters or leaves: those enclosing exactly one of its two ends.</summary>
    public IReadOnlySet<string> BoundariesCrossedBy(DataFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var crossed = new HashSet<string>(EnclosingBoundaries(flow.From), StringComparer.Ordinal);
        crossed.SymmetricExceptWith(EnclosingBoundaries(flow.To));
        return crossed;
    }

    public bool Crosses(DataFlow flow) => BoundariesCrossedBy(flow).Count > 0;

    // Walks up the nesting; the visited set also stops a (schema-valid but nonsensical) containment cycle.
    private static HashSet<string> Collect(string id, Dictionary<string, List<string>> directParents)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([id]);
        while (pending.Count > 0)
        {
            if (!directParents.TryGetValue(pending.Pop(), out var parents))
            {
                continue;
            }

            foreach (var parent in parents.Where(result.Add))
            {
                pending.Push(parent);
            }
        }

        return result;
    }
}
