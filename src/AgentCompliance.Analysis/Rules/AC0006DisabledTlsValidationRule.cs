using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0006: server certificate validation disabled: a certificate callback that always returns true, or
/// <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>.
/// </summary>
public sealed class AC0006DisabledTlsValidationRule : IAnalysisRule
{
    private static readonly HashSet<string> Callbacks = new(StringComparer.Ordinal)
    {
        "ServerCertificateCustomValidationCallback", "RemoteCertificateValidationCallback", "ServerCertificateValidationCallback",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0006",
        "DisabledTlsValidation",
        "TLS certificate validation disabled",
        "{0} accepts any server certificate: whoever sits on the network path can impersonate the service and read the agent's credentials",
        RuleSeverity.Error,
        8.1,
        "Agents send tokens and tool results to other agents, model endpoints and tool servers. Without certificate " +
        "validation anyone on the path can terminate TLS, read and alter traffic and replay credentials. Trust the real CA " +
        "(or pin a specific certificate for private endpoints) instead of returning true.",
        ["ASI07", "T16", "NHI4", "MAESTRO-L7:Agent Impersonation"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnNode(AnalyzeAssignment, SyntaxKind.SimpleAssignmentExpression, SyntaxKind.AddAssignmentExpression);
        registrar.OnNode(AnalyzeMemberAccess, SyntaxKind.SimpleMemberAccessExpression);
    }

    private static void AnalyzeAssignment(NodeContext context)
    {
        var assignment = (AssignmentExpressionSyntax)context.Node;
        if (SyntaxQueries.AssignedName(assignment) is { } name && Callbacks.Contains(name) && AlwaysTrue(assignment.Right))
        {
            context.Report(assignment.Right, name);
        }
    }

    private static void AnalyzeMemberAccess(NodeContext context)
    {
        var access = (MemberAccessExpressionSyntax)context.Node;
        if (access.Name.Identifier.ValueText == "DangerousAcceptAnyServerCertificateValidator")
        {
            context.Report(access, "DangerousAcceptAnyServerCertificateValidator");
        }
    }

    private static bool AlwaysTrue(ExpressionSyntax value)
    {
        if (value is not AnonymousFunctionExpressionSyntax function)
        {
            return false;
        }

        if (function.ExpressionBody is { } expression)
        {
            return SyntaxQueries.IsTrueLiteral(expression);
        }

        var returns = function.Block?.DescendantNodes().OfType<ReturnStatementSyntax>().ToList() ?? [];
        return returns.Count > 0 && returns.All(statement => SyntaxQueries.IsTrueLiteral(statement.Expression));
    }
}
