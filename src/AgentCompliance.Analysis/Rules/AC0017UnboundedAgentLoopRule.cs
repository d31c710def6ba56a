using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0017: an agent loop without a bound: <c>while (true)</c>, <c>for (;;)</c> or <c>do … while (true)</c> around a
/// model or agent call whose only exits are not guarded by a counter comparison or cancellation; or an
/// iteration limit (<c>MaximumIterationsPerRequest</c>, <c>MaximumAutoInvokeAttempts</c>, <c>MaximumIterations</c>) set above 100.
/// </summary>
public sealed class AC0017UnboundedAgentLoopRule : IAnalysisRule
{
    private const double IterationLimit = 100;

    private static readonly HashSet<string> ModelCalls = new(StringComparer.Ordinal)
    {
        "GetResponseAsync", "GetStreamingResponseAsync", "CompleteAsync", "CompleteStreamingAsync", "CompleteChatAsync",
        "CompleteChatStreamingAsync", "GetChatMessageContentAsync", "GetChatMessageContentsAsync", "GetStreamingChatMessageContentsAsync",
        "InvokeAsync", "InvokeStreamingAsync", "InvokePromptAsync", "RunAsync", "RunStreamingAsync", "CallToolAsync",
        "CreateChatCompletionAsync", "GetCompletionsAsync",
    };

    private static readonly HashSet<string> LimitProperties = new(StringComparer.Ordinal)
    {
        "MaximumIterationsPerRequest", "MaximumAutoInvokeAttempts", "MaximumIterations", "MaxIterations", "MaximumInvocationCount",
        "MaxAutoInvokeAttempts", "MaximumConsecutiveErrorsPerRequest",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0017",
        "UnboundedAgentLoop",
        "Agent loop without an iteration bound",
        "{0}: the agent can keep calling the model and tools without limit (cost blow-up, runaway actions)",
        RuleSeverity.Warning,
        5.9,
        "A loop that only the model's answer can end lets a confused or manipulated model call tools and spend tokens " +
        "indefinitely, and lets errors cascade. Bound every agent loop with a maximum iteration count (and a time budget or " +
        "cancellation token) checked in code, and keep framework iteration limits low.",
        ["LLM10", "ASI08", "T4", "MAESTRO-L4:Resource Hijacking"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnNode(AnalyzeLoop, SyntaxKind.WhileStatement, SyntaxKind.ForStatement, SyntaxKind.DoStatement);
        registrar.OnNode(AnalyzeAssignment, SyntaxKind.SimpleAssignmentExpression);
    }

    private static void AnalyzeLoop(NodeContext context)
    {
        var (keyword, condition, body) = context.Node switch
        {
            WhileStatementSyntax loop => (loop.WhileKeyword, loop.Condition, loop.Statement),
            DoStatementSyntax loop => (loop.DoKeyword, loop.Condition, loop.Statement),
            ForStatementSyntax loop => (loop.ForKeyword, loop.Condition, loop.Statement),
            _ => default,
        };
        if (body is null || (condition is not null && !SyntaxQueries.IsTrueLiteral(condition)))
        {
            return;
        }

        var call = OwnNodes(body).OfType<InvocationExpressionSyntax>().FirstOrDefault(invocation => SyntaxQueries.InvokedName(invocation) is { } name && ModelCalls.Contains(name));
        if (call is null || IsBounded(body))
        {
            return;
        }

        context.Report(keyword, $"'{keyword.ValueText}' loop around {SyntaxQueries.InvokedName(call)} has no counter or cancellation bound");
    }

    private static void AnalyzeAssignment(NodeContext context)
    {
        var assignment = (AssignmentExpressionSyntax)context.Node;
        if (SyntaxQueries.AssignedName(assignment) is { } name && LimitProperties.Contains(name)
            && SyntaxQueries.NumericValue(assignment.Right) is { } value && value > IterationLimit)
        {
            context.Report(assignment.Right, $"{name} = {assignment.Right} allows more than {IterationLimit} model round-trips per request");
        }
    }

    // Bounded when an exit sits under a counter comparison, or the loop observes cancellation.
    private static bool IsBounded(StatementSyntax body)
    {
        var nodes = OwnNodes(body).ToList();
        if (nodes.OfType<InvocationExpressionSyntax>().Any(invocation => SyntaxQueries.InvokedName(invocation) == "ThrowIfCancellationRequested")
            || nodes.OfType<MemberAccessExpressionSyntax>().Any(access => access.Name.Identifier.ValueText == "IsCancellationRequested"))
        {
            return true;
        }

        var exits = nodes.Where(node => node is ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax or GotoStatementSyntax or YieldStatementSyntax { RawKind: (int)SyntaxKind.YieldBreakStatement });
        foreach (var exit in exits)
        {
            if (exit is BreakStatementSyntax && exit.Ancestors().TakeWhile(ancestor => ancestor != body).Any(ancestor => ancestor is SwitchSectionSyntax))
            {
                continue;
            }

            var guards = exit.Ancestors().TakeWhile(ancestor => ancestor != body.Parent).OfType<IfStatementSyntax>();
            if (guards.Any(guard => guard.Condition.DescendantNodesAndSelf().OfType<BinaryExpressionSyntax>().Any(IsCounterComparison)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCounterComparison(BinaryExpressionSyntax comparison) =>
        comparison.Kind() is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanExpression
            or SyntaxKind.GreaterThanOrEqualExpression
        || (comparison.IsKind(SyntaxKind.EqualsExpression) && (SyntaxQueries.NumericValue(comparison.Right) is not null || SyntaxQueries.NumericValue(comparison.Left) is not null));

    // The loop's own statements: nested lambdas and local functions run elsewhere, nested loops have their own breaks.
    private static IEnumerable<SyntaxNode> OwnNodes(StatementSyntax body) =>
        body.DescendantNodesAndSelf(node => node == body || node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax
            or WhileStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or DoStatementSyntax));
}
