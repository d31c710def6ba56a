using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;
using Scriban.Runtime;

namespace AgentCompliance.Reporting.ThreatModels;

/// <summary>
/// Lays out the data-flow diagram the HTML report draws as inline SVG: one column per kind of element (people,
/// agents, platform services, tools, data stores, third parties, identities), members of a boundary kept together,
/// each trust boundary a box around what it contains (outer boxes padded more), each flow a line. Every node and
/// flow carries its threat count and worst threat status so the template can mark them.
/// </summary>
public static class DataFlowDiagram
{
    private const int NodeWidth = 170;
    private const int NodeHeight = 44;
    private const int ColumnGap = 90;
    private const int RowGap = 26;
    private const int Margin = 40;
    private const int MaxRowsPerColumn = 30;
    private const int BoundaryPadding = 12;

    public static ScriptObject Layout(ThreatModelResult model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var view = model.View;
        var threatsByTarget = model.Threats.ToLookup(t => t.TargetId, StringComparer.Ordinal);
        var depth = BoundaryDepths(model.System);

        // Columns by kind; a very long column wraps into several so the picture stays readable.
        IEnumerable<ModelElement>[] groups =
        [
            model.System.Humans,
            model.System.Agents,
            model.System.Services,
            model.System.Tools,
            model.System.DataStores,
            model.System.ExternalServices,

            // No flow ends at an identity: last, so flow lines do not run through them.
            model.System.Identities,
        ];
        var columns = groups.Where(g => g.Any())
            .SelectMany(g => g.OrderBy(e => BoundaryPath(view, e.Id), StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).Chunk(MaxRowsPerColumn))
            .ToList();

        var maxDepth = depth.Count == 0 ? 0 : depth.Values.Max() + 1;
        var inset = Margin + (maxDepth * BoundaryPadding) + 16;
        var positions = new Dictionary<string, (int X, int Y)>(StringComparer.Ordinal);
        var nodes = new ScriptArray();
        for (var column = 0; column < columns.Count; column++)
        {
            for (var row = 0; row < columns[column].Length; row++)
            {
                var element = columns[column][row];
                var x = inset + (column * (NodeWidth + ColumnGap));
                var y = inset + (row * (NodeHeight + RowGap));
                positions[element.Id] = (x, y);
                var threats = threatsByTarget[element.Id].ToList();
                nodes.Add(new ScriptObject
                {
                    ["id"] = element.Id,
                    ["label"] = view.NameOf(element.Id),
                    ["kind"] = KindOf(element),
                    ["x"] = x,
                    ["y"] = y,
                    ["width"] = NodeWidth,
                    ["height"] = NodeHeight,
                    ["threats"] = threats.Count,
                    ["worst"] = Worst(threats),
                });
            }
        }

        var width = inset + (columns.Count * (NodeWidth + ColumnGap)) - ColumnGap + inset;
        var height = inset + (Math.Min(MaxRowsPerColumn, columns.Count == 0 ? 0 : columns.Max(c => c.Length)) * (NodeHeight + RowGap)) - RowGap + inset;

        var edges = new ScriptArray();
        foreach (var flow in model.System.Flows)
        {
            if (!positions.TryGetValue(flow.From, out var from) || !positions.TryGetValue(flow.To, out var to))
            {
                continue;
            }

            var threats = threatsByTarget[flow.Id].ToList();
            var (x1, y1, x2, y2) = Connect(from, to);
            edges.Add(new ScriptObject
            {
                ["id"] = flow.Id,
                ["label"] = flow.Name ?? flow.Id,
                ["x1"] = x1,
                ["y1"] = y1,
                ["x2"] = x2,
                ["y2"] = y2,
                ["crosses"] = view.Crosses(flow),
                ["threats"] = threats.Count,
                ["worst"] = Worst(threats),
            });
        }

        var boundaries = new ScriptArray();
        foreach (var boundary in model.System.TrustBoundaries.OrderBy(b => depth.GetValueOrDefault(b.Id)))
        {
            var members = model.System.Elements.Where(e => positions.ContainsKey(e.Id) && view.Boundaries.EnclosingBoundaries(e.Id).Contains(boundary.Id))
                .Select(e => positions[e.Id]).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            // Outer boundaries (smaller depth) get more padding so nested boxes sit inside them.
            var pad = BoundaryPadding * (maxDepth - depth.GetValueOrDefault(boundary.Id)) + 4;
            var left = members.Min(p => p.X) - pad;
            var top = members.Min(p => p.Y) - pad - 14;
            boundaries.Add(new ScriptObject
            {
                ["id"] = boundary.Id,
                ["label"] = $"{boundary.Name} ({EnumName(boundary.Kind)})",
                ["x"] = left,
                ["y"] = top,
                ["width"] = members.Max(p => p.X) + NodeWidth + pad - left,
                ["height"] = members.Max(p => p.Y) + NodeHeight + pad - top,
                ["threats"] = threatsByTarget[boundary.Id].Count(),
            });
        }

        return new ScriptObject
        {
            ["width"] = Math.Max(width, 400),
            ["height"] = Math.Max(height, 200),
            ["nodes"] = nodes,
            ["edges"] = edges,
            ["boundaries"] = boundaries,
        };
    }

    private static (int X1, int Y1, int X2, int Y2) Connect((int X, int Y) from, (int X, int Y) to)
    {
        if (from.X == to.X)
        {
            // Same column: leave from the right edge and come back in on the right edge.
            return (from.X + NodeWidth, from.Y + (NodeHeight / 2), to.X + NodeWidth, to.Y + (NodeHeight / 2));
        }

        return from.X < to.X
            ? (from.X + NodeWidth, from.Y + (NodeHeight / 2), to.X, to.Y + (NodeHeight / 2))
            : (from.X, from.Y + (NodeHeight / 2), to.X + NodeWidth, to.Y + (NodeHeight / 2));
    }

    private static string? Worst(List<Threat> threats) =>
        threats.Count == 0 ? null
        : threats.Any(t => t.Status == ThreatStatus.Failed) ? "failed"
        : threats.Any(t => t.Status == ThreatStatus.Untested) ? "untested"
        : threats.Any(t => t.Status == ThreatStatus.PartiallyVerified) ? "partially-verified"
        : "verified";

    // Nesting depth of each boundary: 0 for outermost.
    private static Dictionary<string, int> BoundaryDepths(SystemModel model)
    {
        var map = new TrustBoundaryMap(model);
        return model.TrustBoundaries.ToDictionary(b => b.Id, b => map.EnclosingBoundaries(b.Id).Count, StringComparer.Ordinal);
    }

    private static string BoundaryPath(ModelView view, string id) =>
        string.Join('/', view.Boundaries.EnclosingBoundaries(id).OrderBy(b => view.Boundaries.EnclosingBoundaries(b).Count).ThenBy(b => b, StringComparer.Ordinal));

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

    private static string EnumName(TrustBoundaryKind kind) => kind.ToString().ToLowerInvariant();
}
