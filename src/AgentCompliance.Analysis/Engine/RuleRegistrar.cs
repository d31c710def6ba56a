using AgentCompliance.Analysis.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace AgentCompliance.Analysis.Engine;

/// <summary>
/// How a rule tells the engine what to look at. Rules register once per analysis, so state a rule keeps between
/// its callbacks (candidates for an end action) lives in closures created in <c>Register</c>, never in fields.
/// Callbacks for different trees run in parallel: shared state must be thread-safe.
/// </summary>
public sealed class RuleRegistrar
{
    private readonly AnalysisActions actions;

    internal RuleRegistrar(RuleDescriptor rule, AnalysisActions actions)
    {
        Rule = rule;
        this.actions = actions;
    }

    public RuleDescriptor Rule { get; }

    /// <summary>Called for every node of the given kinds, in the single pass over each tree.</summary>
    public void OnNode(Action<NodeContext> action, params SyntaxKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(kinds);
        foreach (var kind in kinds)
        {
            actions.AddNodeAction(kind, Rule, action);
        }
    }

    /// <summary>Called once per tool method ([KernelFunction], [McpServerTool], tool-factory targets and lambdas).</summary>
    public void OnToolMethod(Action<ToolMethodContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        actions.ToolActions.Add((Rule, action));
    }

    /// <summary>Called once after every tree was seen, with the codebase index.</summary>
    public void OnCodebaseEnd(Action<CodebaseEndContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        actions.EndActions.Add((Rule, action));
    }
}
