using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0021: tokens or their signing metadata allowed over plain HTTP: <c>RequireHttpsMetadata = false</c>,
/// <c>AllowInsecureHttp = true</c>, OpenIddict's <c>DisableTransportSecurityRequirement()</c>.
/// </summary>
public sealed class AC0021InsecureTokenTransportRule : IAnalysisRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "AC0021",
        "InsecureTokenTransport",
        "Tokens or signing keys allowed over plain HTTP",
        "{0}: tokens or the keys that validate them may travel over plain HTTP, where they can be read or swapped",
        RuleSeverity.Error,
        7.4,
        "If token endpoints or the issuer's metadata (and so its signing keys) may be fetched over HTTP, anyone on the path " +
        "can steal agent tokens or substitute their own keys and mint tokens the service accepts. Require HTTPS in every " +
        "environment; for local development use a trusted development certificate instead of switching the check off.",
        ["NHI4", "ASI07", "ASI03", "T16"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnNode(AnalyzeAssignment, SyntaxKind.SimpleAssignmentExpression);
        registrar.OnNode(AnalyzeInvocation, SyntaxKind.InvocationExpression);
    }

    private static void AnalyzeAssignment(NodeContext context)
    {
        var assignment = (AssignmentExpressionSyntax)context.Node;
        switch (SyntaxQueries.AssignedName(assignment))
        {
            case "RequireHttpsMetadata" when SyntaxQueries.IsFalseLiteral(assignment.Right):
                context.Report(assignment, "RequireHttpsMetadata = false");
                break;
            case "AllowInsecureHttp" when SyntaxQueries.IsTrueLiteral(assignment.Right):
                context.Report(assignment, "AllowInsecureHttp = true");
                break;
        }
    }

    private static void AnalyzeInvocation(NodeContext context)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        if (SyntaxQueries.InvokedName(invocation) == "DisableTransportSecurityRequirement")
        {
            context.Report(invocation, "DisableTransportSecurityRequirement()");
        }
    }
}
