using System.Collections.Concurrent;
using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0020: an MCP server reachable over HTTP without authorization: <c>MapMcp()</c> not followed by
/// <c>RequireAuthorization()</c> (and no authorization fallback policy), or <c>AddMcpServer().WithHttpTransport()</c> in a
/// codebase that configures no authentication scheme.
/// </summary>
public sealed class AC0020McpServerWithoutAuthorizationRule : IAnalysisRule
{
    public RuleDescriptor Descriptor { get; } = new(
        "AC0020",
        "McpServerWithoutAuthorization",
        "MCP server exposed without authorization",
        "{0}: any caller that can reach this endpoint can list and invoke the server's tools",
        RuleSeverity.Error,
        8.2,
        "An MCP server over HTTP is an API whose operations are the agent's tools. Without authentication and " +
        "authorization any process on the network (or any web page, via DNS rebinding) can call them with the server's " +
        "privileges. Add an authentication scheme (`AddAuthentication().AddJwtBearer(...)`) and `MapMcp().RequireAuthorization(...)` " +
        "with a policy per tool audience.",
        ["ASI03", "ASI07", "NHI4", "MAESTRO-L7:Integration Risks", "MAESTRO-L7:Agent Tool Misuse"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var unprotectedEndpoints = new ConcurrentQueue<InvocationExpressionSyntax>();
        var httpServers = new ConcurrentQueue<InvocationExpressionSyntax>();
        registrar.OnNode(context => Collect((InvocationExpressionSyntax)context.Node, unprotectedEndpoints, httpServers), SyntaxKind.InvocationExpression);
        registrar.OnCodebaseEnd(context =>
        {
            if (!context.Index.HasFallbackAuthorizationPolicy)
            {
                foreach (var endpoint in unprotectedEndpoints)
                {
                    context.Report(endpoint, "MapMcp() has no RequireAuthorization()");
                }
            }

            if (!context.Index.HasAuthentication)
            {
                foreach (var server in httpServers)
                {
                    context.Report(server, "AddMcpServer() serves HTTP but no authentication scheme is configured");
                }
            }
        });
    }

    private static void Collect(InvocationExpressionSyntax invocation, ConcurrentQueue<InvocationExpressionSyntax> endpoints, ConcurrentQueue<InvocationExpressionSyntax> servers)
    {
        switch (SyntaxQueries.InvokedName(invocation))
        {
            case "MapMcp" when !ChainCalls(invocation, "RequireAuthorization") && !RequiredLater(invocation):
                endpoints.Enqueue(invocation);
                break;
            case "AddMcpServer" when ChainCalls(invocation, "WithHttpTransport"):
                servers.Enqueue(invocation);
                break;
        }
    }

    // app.MapMcp().RequireAuthorization(): walk up the fluent chain.
    private static bool ChainCalls(InvocationExpressionSyntax invocation, string method)
    {
        SyntaxNode current = invocation;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax next)
        {
            if (access.Name.Identifier.ValueText == method)
            {
                return true;
            }

            current = next;
        }

        return false;
    }

    // var mcp = app.MapMcp(); … mcp.RequireAuthorization();
    private static bool RequiredLater(InvocationExpressionSyntax invocation) =>
        invocation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
        && Requires(SyntaxQueries.EnclosingCallable(invocation) ?? invocation.SyntaxTree.GetRoot(), declarator.Identifier.ValueText);

    private static bool Requires(SyntaxNode scope, string variable) =>
        scope.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call => SyntaxQueries.InvokedName(call) == "RequireAuthorization"
            && SyntaxQueries.Receiver(call) is IdentifierNameSyntax receiver && receiver.Identifier.ValueText == variable);
}
