using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0009: code evaluated or loaded at run time from a tool: <c>CSharpScript.EvaluateAsync/RunAsync/Create</c> and
/// assembly loading (<c>Assembly.Load/LoadFrom/LoadFile</c>, <c>AssemblyLoadContext.LoadFromStream/LoadFromAssemblyPath</c>)
/// reachable from the tool, and types chosen by a tool argument (<c>Type.GetType(arg)</c>, <c>Activator.CreateInstance(arg, …)</c>).
/// </summary>
public sealed class AC0009DynamicCodeInToolRule : IAnalysisRule
{
    private static readonly HashSet<string> AssemblyLoads = new(StringComparer.Ordinal)
    {
        "Load", "LoadFrom", "LoadFile", "UnsafeLoadFrom", "LoadFromStream", "LoadFromAssemblyPath",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0009",
        "DynamicCodeInTool",
        "Tool evaluates or loads code dynamically",
        "Tool '{0}' {1}: a prompt-injected model can make the agent run code it chose",
        RuleSeverity.Error,
        9.3,
        "Evaluating scripts, loading assemblies or instantiating types named by tool input turns the model's output into " +
        "code that runs with the agent's privileges. Offer fixed operations instead; if code execution is the product, run it " +
        "in an isolated sandbox (separate process or container, no credentials, no network) with human approval.",
        ["ASI05", "LLM05", "T11", "MAESTRO-L3:Framework Evasion"]);

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
            var isOwnBody = ReferenceEquals(body, tool.Body);
            foreach (var invocation in body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
            {
                var name = SyntaxQueries.InvokedName(invocation);
                var receiver = SyntaxQueries.RightmostName(SyntaxQueries.Receiver(invocation));
                switch (name)
                {
                    case "EvaluateAsync" or "RunAsync" or "Create" when receiver == "CSharpScript":
                        context.Report(invocation, tool.Name, $"evaluates C# script with CSharpScript.{name}");
                        break;
                    case { } load when AssemblyLoads.Contains(load) && IsAssemblyLoader(receiver, load):
                        context.Report(invocation, tool.Name, $"loads an assembly with {receiver}.{load}");
                        break;
                    case "GetType" when receiver == "Type" && isOwnBody && TaintedArgument(tool, invocation) is { } origin:
                        context.Report(invocation, tool.Name, $"resolves a type named by its argument '{origin}'");
                        break;
                    case "CreateInstance" or "CreateInstanceFrom" when receiver == "Activator" && isOwnBody && TaintedArgument(tool, invocation) is { } origin:
                        context.Report(invocation, tool.Name, $"instantiates a type chosen by its argument '{origin}'");
                        break;
                }
            }
        }
    }

    // Assembly.Load(bytes), AssemblyLoadContext.Default.LoadFromStream(...), myLoadContext.LoadFromAssemblyPath(...).
    private static bool IsAssemblyLoader(string? receiver, string method) =>
        receiver is "Assembly"
        || (receiver is not null && receiver.EndsWith("LoadContext", StringComparison.Ordinal))
        || (receiver is "Default" && method.StartsWith("LoadFrom", StringComparison.Ordinal));

    private static string? TaintedArgument(ToolMethod tool, InvocationExpressionSyntax invocation) =>
        invocation.ArgumentList.Arguments.Select(argument => tool.Taint.Origin(argument.Expression, SinkKind.Code)).FirstOrDefault(origin => origin is not null);
}
