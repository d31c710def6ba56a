using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace AgentCompliance.Analysis.Engine;

/// <summary>Passed to tool callbacks, once per tool method, after the whole codebase has been indexed.</summary>
public sealed class ToolMethodContext : RuleContext
{
    private readonly AnalysedTree tree;

    internal ToolMethodContext(AnalysedTree tree, CodebaseIndex index, ConcurrentQueue<ReportedFinding> sink)
        : base(sink)
    {
        this.tree = tree;
        Index = index;
    }

    public ToolMethod Tool { get; internal set; } = null!;

    public CodebaseIndex Index { get; }

    public SemanticModel SemanticModel => tree.SemanticModel;
}
