using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0008: a process or shell started from a tool method or a method of its type that it calls
/// (<c>Process.Start</c>, <c>process.Start()</c>, CliWrap's <c>Cli.Wrap</c>, PowerShell <c>AddScript</c>/<c>AddCommand</c>).
/// </summary>
public sealed class AC0008ProcessExecutionInToolRule : IAnalysisRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "AC0008",
        "ProcessExecutionInTool",
        "Tool runs a process or shell command",
        "Tool '{0}' ({1}) can start a process here ({2}): a prompt-injected model can run commands on this host",
        RuleSeverity.Error,
        9.1,
        "A tool the model can call runs with the host's privileges; a process or shell launched from it turns any prompt " +
        "injection into remote code execution. Replace the command with a purpose-built API call, or run it in an isolated " +
        "sandbox with a fixed executable, an allow-listed argument set and human approval.",
        ["ASI05", "ASI02", "LLM06", "T11", "MAESTRO-L7:Agent Tool Misuse"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnToolMethod(Analyze);
    }

    private static void Analyze(ToolMethodContext context)
    {
        var tool = context.Tool;
        foreach (var body in tool.ReachableBodies)
        {
            foreach (var invocation in body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
            {
                if (Describe(context, invocation) is { } what)
                {
                    context.Report(invocation, tool.Name, tool.Registration, what);
                }
            }
        }
    }

    private static string? Describe(ToolMethodContext context, InvocationExpressionSyntax invocation)
    {
        var name = SyntaxQueries.InvokedName(invocation);
        var receiver = SyntaxQueries.Receiver(invocation);
        switch (name)
        {
            case "Start" when SyntaxQueries.RightmostName(receiver) == "Process":
                return SymbolQueries.IsMemberOf(context.SemanticModel, invocation, "System.Diagnostics.Process") == false ? null : "Process.Start";
            case "Start" when receiver is not null && invocation.ArgumentList.Arguments.Count == 0:
                // process.Start(): only when the receiver is known to be a Process.
                return SymbolQueries.HasType(context.SemanticModel, receiver, "System.Diagnostics.Process") == true ? "Process.Start" : null;
            case "Wrap" when SyntaxQueries.RightmostName(receiver) == "Cli":
                return "Cli.Wrap";
            case "AddScript" or "AddCommand":
                return $"PowerShell {name}";
            default:
                return null;
        }
    }
}
