using AgentCompliance.Analysis.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace AgentCompliance.Analysis.Engine;

/// <summary>Registered callbacks, with node callbacks in an array indexed by syntax kind so dispatch is one lookup.</summary>
internal sealed class AnalysisActions
{
    private static readonly int KindCount = Enum.GetValues<SyntaxKind>().Max(kind => (int)kind) + 1;

    public (RuleDescriptor Rule, Action<NodeContext> Action)[]?[] NodeActions { get; } = new (RuleDescriptor, Action<NodeContext>)[]?[KindCount];

    public List<(RuleDescriptor Rule, Action<ToolMethodContext> Action)> ToolActions { get; } = [];

    public List<(RuleDescriptor Rule, Action<CodebaseEndContext> Action)> EndActions { get; } = [];

    public void AddNodeAction(SyntaxKind kind, RuleDescriptor rule, Action<NodeContext> action)
    {
        var existing = NodeActions[(int)kind] ?? [];
        NodeActions[(int)kind] = [.. existing, (rule, action)];
    }
}
