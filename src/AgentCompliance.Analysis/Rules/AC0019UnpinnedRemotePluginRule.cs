using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0019: tools imported from a remote OpenAPI document or API manifest (<c>ImportPluginFromOpenApiAsync(name, new Uri("https://…"))</c>
/// and relatives) with no integrity check in the same method (a hash compared before use).
/// </summary>
public sealed class AC0019UnpinnedRemotePluginRule : IAnalysisRule
{
    private static readonly HashSet<string> ImportMethods = new(StringComparer.Ordinal)
    {
        "ImportPluginFromOpenApiAsync", "CreatePluginFromOpenApiAsync", "ImportPluginFromApiManifestAsync", "CreatePluginFromApiManifestAsync",
        "AddPluginFromOpenApiAsync", "ImportPluginFromCopilotAgentPluginAsync", "CreatePluginFromCopilotAgentPluginAsync",
    };

    private static readonly HashSet<string> IntegrityCalls = new(StringComparer.Ordinal)
    {
        "HashData", "ComputeHash", "VerifyHash", "VerifyData", "FixedTimeEquals", "VerifySignature",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0019",
        "UnpinnedRemotePlugin",
        "Remote tool definition loaded without pinning",
        "{0} loads tool definitions from '{1}' at run time without checking a pinned hash: whoever controls that URL controls the agent's tools",
        RuleSeverity.Warning,
        7.0,
        "An OpenAPI document or plugin manifest fetched at start-up defines which operations the agent can call and the " +
        "descriptions the model trusts. If the remote copy changes (compromise, typo-squatting, a new version) the agent " +
        "silently gains new or poisoned tools. Vendor the document with the code, or verify a pinned SHA-256 before loading it.",
        ["ASI04", "LLM03", "T17", "MAESTRO-L3:Supply Chain Attacks", "MAESTRO-L7:Inaccurate Agent Capability Description"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnNode(Analyze, SyntaxKind.InvocationExpression);
    }

    private static void Analyze(NodeContext context)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var name = SyntaxQueries.InvokedName(invocation);
        if (name is null || !ImportMethods.Contains(name))
        {
            return;
        }

        var remote = invocation.ArgumentList.Arguments.Select(argument => argument.Expression)
            .Select(expression => (Expression: expression, Url: RemoteUrl(expression)))
            .FirstOrDefault(candidate => candidate.Url is not null);
        if (remote.Url is null)
        {
            return;
        }

        var scope = SyntaxQueries.EnclosingCallable(invocation) ?? invocation.SyntaxTree.GetRoot();
        var pinned = scope.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call => SyntaxQueries.InvokedName(call) is { } called && IntegrityCalls.Contains(called));
        if (!pinned)
        {
            // The query may carry a SAS signature or API key: show scheme, host and path only.
            var shown = remote.Url.Split('?', '#')[0];
            context.Report(remote.Expression, name, shown);
        }
    }

    private static string? RemoteUrl(ExpressionSyntax expression)
    {
        var text = expression switch
        {
            BaseObjectCreationExpressionSyntax creation when SyntaxQueries.CreatedTypeName(creation) == "Uri" => SyntaxQueries.StringValue(creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression),
            _ => SyntaxQueries.StringValue(expression),
        };
        return text is not null && (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ? text : null;
    }
}
