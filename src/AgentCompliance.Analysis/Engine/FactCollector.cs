using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Engine;

/// <summary>Gathers, during the single pass over a tree, the codebase-wide facts tool and end rules need.</summary>
internal static class FactCollector
{
    private static readonly HashSet<string> AuthenticationCalls = new(StringComparer.Ordinal)
    {
        "AddAuthentication", "AddJwtBearer", "AddMicrosoftIdentityWebApi", "AddMicrosoftIdentityWebApiAuthentication",
        "AddOpenIdConnect", "AddCertificate", "AddNegotiate",
    };

    private static readonly HashSet<string> InvocationFilterTypes = new(StringComparer.Ordinal)
    {
        "IFunctionInvocationFilter", "IAutoFunctionInvocationFilter", "FunctionInvokingChatClient", "DelegatingAIFunction",
    };

    /// <summary>True for node kinds this collector looks at, so the walk can skip the call for everything else.</summary>
    public static bool IsInteresting(SyntaxKind kind) => kind is SyntaxKind.InvocationExpression or SyntaxKind.MethodDeclaration
        or SyntaxKind.LocalFunctionStatement or SyntaxKind.ClassDeclaration or SyntaxKind.RecordDeclaration
        or SyntaxKind.IdentifierName or SyntaxKind.SimpleAssignmentExpression;

    public static void Collect(SyntaxNode node, AnalysedTree tree)
    {
        var facts = tree.Facts;
        switch (node)
        {
            case InvocationExpressionSyntax invocation:
                CollectInvocation(invocation, tree);
                break;
            case MethodDeclarationSyntax method:
                tree.Callables.Add(method);
                CollectMethod(method, facts);
                break;
            case LocalFunctionStatementSyntax local:
                tree.Callables.Add(local);
                break;
            case TypeDeclarationSyntax { BaseList: { } baseList } type
                when baseList.Types.Any(baseType => InvocationFilterTypes.Contains(SyntaxQueries.RightmostName(baseType.Type) ?? string.Empty)):
                // An invocation filter sees every tool call: it is where approval and auditing usually live.
                facts.HasApprovalGate |= baseList.Types.Any(baseType => SyntaxQueries.RightmostName(baseType.Type) is "IFunctionInvocationFilter" or "IAutoFunctionInvocationFilter");
                facts.HasAuditingInvocationFilter |= type.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(AuditLogCalls.IsAuditCall);
                break;
            case IdentifierNameSyntax identifier when identifier.Identifier.ValueText is "ApprovalRequiredAIFunction" or "FunctionApprovalRequestContent" or "ToolApprovalRequestContent":
                facts.HasApprovalGate = true;
                break;
            case AssignmentExpressionSyntax assignment when SyntaxQueries.AssignedName(assignment) == "FallbackPolicy":
                facts.HasFallbackAuthorizationPolicy = true;
                break;
        }
    }

    private static void CollectInvocation(InvocationExpressionSyntax invocation, AnalysedTree tree)
    {
        var name = SyntaxQueries.InvokedName(invocation);
        if (name is null)
        {
            return;
        }

        if (AuthenticationCalls.Contains(name))
        {
            tree.Facts.HasAuthentication = true;
        }
        else if (name is "Add" && SyntaxQueries.RightmostName(SyntaxQueries.Receiver(invocation)) is "FunctionInvocationFilters" or "AutoFunctionInvocationFilters")
        {
            tree.Facts.HasApprovalGate = true;
        }
        else if (ToolFactoryCalls.IsToolFactory(invocation) && invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression is { } target)
        {
            switch (target)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    var toolName = ToolFactoryCalls.GivenName(invocation) ?? "lambda";
                    tree.ToolLambdas.Add((lambda, toolName));
                    tree.Facts.AttributeTools.Add(new ToolSummary(toolName, ToolFactoryCalls.GivenDescription(invocation)));
                    break;
                case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                    if (SyntaxQueries.RightmostName(target) is { } methodName)
                    {
                        tree.Facts.ToolTargetNames.Add(methodName);
                    }

                    break;
            }
        }
    }

    private static void CollectMethod(MethodDeclarationSyntax method, TreeFacts facts)
    {
        if (method.AttributeLists.Count == 0)
        {
            return;
        }

        var description = ToolFactoryCalls.Description(method.AttributeLists);
        var toolAttribute = ToolFactoryCalls.ToolAttribute(method);
        if (toolAttribute is not null)
        {
            facts.AttributeTools.Add(new ToolSummary(ToolFactoryCalls.ExposedName(toolAttribute, method.Identifier.ValueText), description));
        }
        else if (description is not null)
        {
            facts.DescribedMethods.Add(new ToolSummary(method.Identifier.ValueText, description));
        }
    }
}
