using System.Collections.Concurrent;
using AgentCompliance.Analysis.Model;
using Microsoft.CodeAnalysis;

namespace AgentCompliance.Analysis.Engine;

/// <summary>What every rule callback can do: report a finding of its own rule at a precise place.</summary>
public abstract class RuleContext
{
    private readonly ConcurrentQueue<ReportedFinding> sink;

    private protected RuleContext(ConcurrentQueue<ReportedFinding> sink)
    {
        this.sink = sink;
    }

    /// <summary>The rule whose callback is running.</summary>
    public RuleDescriptor Rule { get; internal set; } = null!;

    /// <summary>Reports at the node's span; pass the exact expression or argument, not its whole statement.</summary>
    public void Report(SyntaxNode node, params object?[] messageArguments)
    {
        ArgumentNullException.ThrowIfNull(node);
        Report(node.GetLocation(), messageArguments);
    }

    public void Report(SyntaxToken token, params object?[] messageArguments) => Report(token.GetLocation(), messageArguments);

    public void Report(Location location, params object?[] messageArguments)
    {
        ArgumentNullException.ThrowIfNull(location);
        sink.Enqueue(new ReportedFinding(Rule, location, Rule.FormatMessage(messageArguments)));
    }
}
