using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0007: a wildcard, admin, tenant-wide (<c>*.All</c>) or <c>.default</c> scope requested or granted by agent code:
/// literals in scope-named variables, properties and arguments, <c>TokenRequestContext</c>, MSAL <c>AcquireToken*</c>
/// and <c>WithScopes</c> calls, and <c>"scope"</c> form fields.
/// </summary>
public sealed class AC0007OverbroadScopeRule : IAnalysisRule
{
    private static readonly HashSet<string> ScopeCalls = new(StringComparer.Ordinal)
    {
        "AcquireTokenForClient", "AcquireTokenSilent", "AcquireTokenInteractive", "AcquireTokenOnBehalfOf", "WithScopes",
        "AddScope", "RequestScopes", "SetScopes", "AddScopes",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0007",
        "OverbroadScope",
        "Wildcard or admin scope",
        "Scope '{0}' {1}: an agent should request only the scopes its current task needs",
        RuleSeverity.Warning,
        7.1,
        "Agents chain tools and reuse identities, so whatever a token allows is the blast radius of a hijacked agent. " +
        "Wildcards, admin scopes, tenant-wide `*.All` permissions and `.default` (every permission the app was ever granted) " +
        "give far more than a task needs. Request narrow, task-specific scopes and grant the app only those.",
        ["NHI5", "ASI03", "LLM06", "MAESTRO-XL:Privilege Escalation"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnNode(Analyze, SyntaxKind.StringLiteralExpression);
    }

    private static void Analyze(NodeContext context)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var value = literal.Token.ValueText;
        if (value.Length == 0 || !IsScopeContext(literal))
        {
            return;
        }

        foreach (var scope in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Problem(scope) is { } problem)
            {
                context.Report(literal, scope, problem);
                return;
            }
        }
    }

    private static string? Problem(string scope)
    {
        if (scope == "*" || scope.EndsWith("/*", StringComparison.Ordinal) || scope.EndsWith(":*", StringComparison.Ordinal) || scope.EndsWith(".*", StringComparison.Ordinal))
        {
            return "is a wildcard";
        }

        if (scope == ".default" || scope.EndsWith("/.default", StringComparison.Ordinal))
        {
            return "grants every permission the application has been consented";
        }

        if (scope.EndsWith(".All", StringComparison.Ordinal))
        {
            return "is tenant-wide";
        }

        var words = SyntaxQueries.Words(scope).ToList();
        if (words.Contains("admin") || words.Contains("administrator") || words.Contains("root") || scope is "all" or "full_access")
        {
            return "is an administrative scope";
        }

        return null;
    }

    private static bool IsScopeContext(LiteralExpressionSyntax literal)
    {
        // Climb out of array/collection initialisers: new[] { "..." }, ["..."].
        SyntaxNode node = literal;
        while (node.Parent is InitializerExpressionSyntax { Parent: ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax } or ExpressionElementSyntax
            or CollectionExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax)
        {
            node = node.Parent;
        }

        switch (node.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                return IsScopeName(declarator.Identifier.ValueText);
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return IsScopeName(property.Identifier.ValueText);
            case AssignmentExpressionSyntax assignment when assignment.Right == node:
                return assignment.Left is ElementAccessExpressionSyntax or ImplicitElementAccessSyntax
                    ? SyntaxQueries.IndexerKey(assignment.Left) == "scope"
                    : IsScopeName(SyntaxQueries.AssignedName(assignment));
            case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression } pair:
                return pair.Expressions.Count == 2 && pair.Expressions[1] == node && SyntaxQueries.StringValue(pair.Expressions[0]) == "scope";
            case ArgumentSyntax argument:
                if (argument.NameColon is { } nameColon)
                {
                    return IsScopeName(nameColon.Name.Identifier.ValueText);
                }

                return (argument.Parent is TupleExpressionSyntax ? argument.Parent : argument.Parent?.Parent) switch
                {
                    InvocationExpressionSyntax invocation => SyntaxQueries.InvokedName(invocation) is { } name && ScopeCalls.Contains(name)
                        || (SyntaxQueries.InvokedName(invocation) == "Add" && IsScopeName(SyntaxQueries.RightmostName(SyntaxQueries.Receiver(invocation)))),
                    BaseObjectCreationExpressionSyntax creation => SyntaxQueries.CreatedTypeName(creation) == "TokenRequestContext"
                        || (SyntaxQueries.CreatedTypeName(creation) == "KeyValuePair" && argument.Parent is ArgumentListSyntax list && list.Arguments.IndexOf(argument) == 1
                            && SyntaxQueries.StringValue(list.Arguments[0].Expression) == "scope"),
                    TupleExpressionSyntax tuple => tuple.Arguments.Count == 2 && tuple.Arguments[1] == argument && SyntaxQueries.StringValue(tuple.Arguments[0].Expression) == "scope",
                    _ => false,
                };
            default:
                return false;
        }
    }

    private static bool IsScopeName(string? name) =>
        name is not null && SyntaxQueries.Words(name).Any(word => word is "scope" or "scopes");
}
