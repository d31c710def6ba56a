using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace AgentCompliance.Analysis.Engine;

/// <summary>
/// Passed to node callbacks during the single pass over a tree. One instance is reused for every node of a tree:
/// read what you need, never keep it.
/// </summary>
public sealed class NodeContext : RuleContext
{
    private readonly AnalysedTree tree;

    internal NodeContext(AnalysedTree tree, ConcurrentQueue<ReportedFinding> sink)
        : base(sink)
    {
        this.tree = tree;
    }

    public SyntaxNode Node { get; internal set; } = null!;

    /// <summary>Created on first use; symbols from the analysed project's packages usually do not resolve.</summary>
    public SemanticModel SemanticModel => tree.SemanticModel;
}
