using System.Collections.Concurrent;

namespace AgentCompliance.Analysis.Engine;

/// <summary>Passed to end-of-analysis callbacks: rules that collected candidates decide with the whole index.</summary>
public sealed class CodebaseEndContext : RuleContext
{
    internal CodebaseEndContext(CodebaseIndex index, ConcurrentQueue<ReportedFinding> sink)
        : base(sink)
    {
        Index = index;
    }

    public CodebaseIndex Index { get; }
}
