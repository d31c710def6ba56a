using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0018: a tool method that leaves no audit trail: neither it nor the methods of its type it calls log (ILogger,
/// Serilog, audit sinks, activity events), and no function-invocation filter in the codebase logs every tool call.
/// </summary>
public sealed class AC0018ToolWithoutAuditLogRule : IAnalysisRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "AC0018",
        "ToolWithoutAuditLog",
        "Tool call leaves no audit trail",
        "Tool '{0}' ({1}) writes no log or audit event: its calls, arguments and outcome cannot be traced afterwards",
        RuleSeverity.Note,
        4.3,
        "Assessors and incident responders need to know which agent called which tool, with what arguments, on whose " +
        "behalf and with what result. Log each tool call (structured, without secrets) in the tool, or once for all tools in " +
        "an `IFunctionInvocationFilter`/`IAutoFunctionInvocationFilter` or a `FunctionInvokingChatClient` wrapper.",
        ["T8", "MAESTRO-L7:Repudiation", "ASI10", "MEASURE 2.8", "MANAGE 4.1"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnToolMethod(Analyze);
    }

    private static void Analyze(ToolMethodContext context)
    {
        var tool = context.Tool;
        if (tool.Body is null || context.Index.HasAuditingInvocationFilter)
        {
            return;
        }

        var logs = tool.ReachableBodies.Any(body => body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(AuditLogCalls.IsAuditCall));
        if (!logs)
        {
            context.Report(tool.NameLocation, tool.Name, tool.Registration);
        }
    }
}
