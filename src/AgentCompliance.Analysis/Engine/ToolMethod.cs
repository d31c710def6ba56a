using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Engine;

/// <summary>
/// A method, local function or lambda the model can call. Its parameters are model-controlled (and so attacker-
/// controlled under prompt injection), which is what the tool rules' data flow starts from.
/// </summary>
public sealed class ToolMethod
{
    private TaintAnalysis? taint;
    private IReadOnlyList<SyntaxNode>? reachableBodies;

    internal ToolMethod(SyntaxNode declaration, string name, string registration, Location nameLocation)
    {
        Declaration = declaration;
        Name = name;
        Registration = registration;
        NameLocation = nameLocation;
        (Parameters, Body) = declaration switch
        {
            BaseMethodDeclarationSyntax method => (method.ParameterList.Parameters.ToList(), (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression),
            LocalFunctionStatementSyntax local => (local.ParameterList.Parameters.ToList(), (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression),
            ParenthesizedLambdaExpressionSyntax lambda => (lambda.ParameterList.Parameters.ToList(), lambda.Body),
            SimpleLambdaExpressionSyntax simple => ([simple.Parameter], simple.Body),
            AnonymousMethodExpressionSyntax anonymous => (anonymous.ParameterList?.Parameters.ToList() ?? [], anonymous.Body),
            _ => ((IReadOnlyList<ParameterSyntax>)[], (SyntaxNode?)null),
        };
    }

    /// <summary>The declaring method, local function or lambda.</summary>
    public SyntaxNode Declaration { get; }

    /// <summary>The method's name, or the name a factory gave a lambda.</summary>
    public string Name { get; }

    /// <summary>How it became a tool, for messages: <c>[KernelFunction]</c>, <c>AIFunctionFactory.Create</c>…</summary>
    public string Registration { get; }

    /// <summary>The identifier (or lambda arrow) to report tool-level findings at.</summary>
    public Location NameLocation { get; }

    public IReadOnlyList<ParameterSyntax> Parameters { get; }

    /// <summary>Block or expression body; null for abstract or extern declarations.</summary>
    public SyntaxNode? Body { get; }

    /// <summary>Intra-procedural taint from the tool's parameters, computed once on first use.</summary>
    public TaintAnalysis Taint => taint ??= TaintAnalysis.FromParameters(Body, Parameters);

    /// <summary>
    /// The tool's body and the bodies of methods of the same type it calls, transitively (by name): where a
    /// process start or code evaluation is "reachable from the tool".
    /// </summary>
    public IReadOnlyList<SyntaxNode> ReachableBodies => reachableBodies ??= FindReachableBodies();

    public override string ToString() => Name;

    private List<SyntaxNode> FindReachableBodies()
    {
        var bodies = new List<SyntaxNode>();
        if (Body is null)
        {
            return bodies;
        }

        bodies.Add(Body);
        var type = Declaration.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (type is null)
        {
            return bodies;
        }

        var methods = type.Members.OfType<MethodDeclarationSyntax>()
            .Where(method => !ReferenceEquals(method, Declaration) && (method.Body ?? (SyntaxNode?)method.ExpressionBody) is not null)
            .ToLookup(method => method.Identifier.ValueText, StringComparer.Ordinal);
        var visited = new HashSet<SyntaxNode>();
        var pending = new Queue<SyntaxNode>([Body]);
        while (pending.Count > 0)
        {
            foreach (var invocation in pending.Dequeue().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var calledOnThis = invocation.Expression is IdentifierNameSyntax or GenericNameSyntax
                    || invocation.Expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax };
                if (!calledOnThis || SyntaxQueries.InvokedName(invocation) is not { } name)
                {
                    continue;
                }

                foreach (var method in methods[name])
                {
                    var body = (SyntaxNode?)method.Body ?? method.ExpressionBody!.Expression;
                    if (visited.Add(method))
                    {
                        bodies.Add(body);
                        pending.Enqueue(body);
                    }
                }
            }
        }

        return bodies;
    }
}
