using System.Collections.Concurrent;
using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0015: the model may invoke tools automatically (<c>FunctionChoiceBehavior.Auto()</c>,
/// <c>ToolCallBehavior.AutoInvokeKernelFunctions</c>, <c>UseFunctionInvocation()</c>) while the codebase exposes tools
/// named or described as deleting, paying, transferring, refunding or sending, and has no approval gate
/// (<c>IFunctionInvocationFilter</c>, <c>IAutoFunctionInvocationFilter</c>, <c>ApprovalRequiredAIFunction</c>).
/// </summary>
public sealed class AC0015AutoInvokedSensitiveToolRule : IAnalysisRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "AC0015",
        "AutoInvokedSensitiveTool",
        "Sensitive tools invoked automatically without approval",
        "{0} lets the model call sensitive tools ({1}) with no approval filter in the codebase",
        RuleSeverity.Error,
        7.8,
        "Automatic function calling executes whatever tool call the model emits. For irreversible or money-moving tools " +
        "(delete, transfer, pay, refund, send) a single prompt injection then acts immediately. Require approval for them: an " +
        "`IAutoFunctionInvocationFilter`/`IFunctionInvocationFilter` that checks policy or asks a human, or wrap them in " +
        "`ApprovalRequiredAIFunction`; or disable auto-invocation for them.",
        ["ASI02", "ASI09", "LLM06", "T10", "MAP 3.5", "GOVERN 3.2"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var candidates = new ConcurrentQueue<(SyntaxNode Node, string What)>();
        registrar.OnNode(context => Collect(context, candidates), SyntaxKind.InvocationExpression, SyntaxKind.SimpleMemberAccessExpression);
        registrar.OnCodebaseEnd(context => Report(context, candidates));
    }

    private static void Collect(NodeContext context, ConcurrentQueue<(SyntaxNode, string)> candidates)
    {
        switch (context.Node)
        {
            case InvocationExpressionSyntax invocation when SyntaxQueries.IsCallOn(invocation, "FunctionChoiceBehavior", "Auto") && !AutoInvokeDisabled(invocation):
                candidates.Enqueue((invocation, "FunctionChoiceBehavior.Auto()"));
                break;
            case InvocationExpressionSyntax invocation when SyntaxQueries.InvokedName(invocation) == "UseFunctionInvocation":
                candidates.Enqueue((invocation, "UseFunctionInvocation()"));
                break;
            case MemberAccessExpressionSyntax access when access.Name.Identifier.ValueText == "AutoInvokeKernelFunctions" && SyntaxQueries.RightmostName(access.Expression) == "ToolCallBehavior":
                candidates.Enqueue((access, "ToolCallBehavior.AutoInvokeKernelFunctions"));
                break;
        }
    }

    private static void Report(CodebaseEndContext context, ConcurrentQueue<(SyntaxNode Node, string What)> candidates)
    {
        var sensitive = context.Index.SensitiveTools.Select(tool => tool.Name).Distinct(StringComparer.Ordinal).ToList();
        if (context.Index.HasApprovalGate || sensitive.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", sensitive.Take(5)) + (sensitive.Count > 5 ? ", …" : string.Empty);
        foreach (var (node, what) in candidates)
        {
            context.Report(node, what, names);
        }
    }

    private static bool AutoInvokeDisabled(InvocationExpressionSyntax invocation) =>
        invocation.ArgumentList.Arguments.Any(argument => argument.NameColon?.Name.Identifier.ValueText == "autoInvoke" && SyntaxQueries.IsFalseLiteral(argument.Expression));
}
