using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0011: a tool parameter decides where an HTTP request goes (SSRF): <c>HttpClient.GetAsync/PostAsync/…(arg)</c>,
/// <c>new HttpRequestMessage(method, arg)</c>, <c>BaseAddress = arg</c>, <c>WebRequest.Create(arg)</c>, WebSocket connects,
/// unless the host is fixed in the URL text or checked against an allow-list first (<c>allowed.Contains(uri.Host)</c>).
/// </summary>
public sealed class AC0011ToolArgumentToUrlRule : IAnalysisRule
{
    private static readonly HashSet<string> HttpClientMethods = new(StringComparer.Ordinal)
    {
        "GetAsync", "GetStringAsync", "GetStreamAsync", "GetByteArrayAsync", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync",
        "GetFromJsonAsync", "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync", "DeleteFromJsonAsync",
        "DownloadString", "DownloadStringTaskAsync", "DownloadData", "DownloadDataTaskAsync", "DownloadFile", "DownloadFileTaskAsync",
        "UploadString", "UploadStringTaskAsync", "ConnectAsync",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0011",
        "ToolArgumentToUrl",
        "Tool argument decides a request URL (SSRF)",
        "Tool '{0}' sends a request to a URL built from its argument '{1}' ({2}) without an allow-list check: the model can reach internal services and cloud metadata",
        RuleSeverity.Error,
        8.6,
        "If the model can choose the host, a prompt injection can make the agent call internal APIs, cloud metadata " +
        "endpoints (169.254.169.254) or attacker servers, carrying the agent's credentials and exfiltrating data. Fix the " +
        "scheme and host in code and let the argument choose only an escaped path or query part, or parse it with " +
        "`Uri.TryCreate` and reject hosts not on an allow-list.",
        ["ASI02", "LLM06", "MAESTRO-L2:Data Exfiltration", "MAESTRO-L7:Agent Tool Misuse", "T2"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnToolMethod(Analyze);
    }

    private static void Analyze(ToolMethodContext context)
    {
        var tool = context.Tool;
        if (tool.Body is null || !tool.Taint.HasSources)
        {
            return;
        }

        foreach (var node in tool.Body.DescendantNodesAndSelf())
        {
            var (sink, url) = Match(node);
            if (sink is not null && url is not null && tool.Taint.Origin(url, SinkKind.Url) is { } origin && IsRequestClient(context, node))
            {
                context.Report(url, tool.Name, origin, sink);
            }
        }
    }

    // The receiver is usually a variable: confirm its type when it binds (only for tainted URLs), trust the method name when it does not.
    private static bool IsRequestClient(ToolMethodContext context, SyntaxNode node)
    {
        if (node is not InvocationExpressionSyntax invocation || SyntaxQueries.RightmostName(SyntaxQueries.Receiver(invocation)) is "WebRequest" or "HttpWebRequest")
        {
            return true;
        }

        return SymbolQueries.IsMemberOfAny(context.SemanticModel, invocation, "System.Net.Http.HttpClient", "System.Net.WebClient", "System.Net.WebSockets.ClientWebSocket") != false;
    }

    private static (string? Sink, ExpressionSyntax? Url) Match(SyntaxNode node)
    {
        switch (node)
        {
            case InvocationExpressionSyntax invocation when SyntaxQueries.InvokedName(invocation) is { } name:
                if (name == "Create" && SyntaxQueries.RightmostName(SyntaxQueries.Receiver(invocation)) is "WebRequest" or "HttpWebRequest")
                {
                    return ($"WebRequest.{name}", SyntaxQueries.Argument(invocation.ArgumentList, 0)?.Expression);
                }

                if (!HttpClientMethods.Contains(name) || invocation.Expression is not MemberAccessExpressionSyntax)
                {
                    return (null, null);
                }

                return (name, SyntaxQueries.Argument(invocation.ArgumentList, 0)?.Expression);
            case BaseObjectCreationExpressionSyntax creation when SyntaxQueries.CreatedTypeName(creation) == "HttpRequestMessage":
                return ("new HttpRequestMessage", SyntaxQueries.Argument(creation.ArgumentList, 1, "requestUri")?.Expression);
            case AssignmentExpressionSyntax assignment when SyntaxQueries.AssignedName(assignment) is "BaseAddress" or "RequestUri":
                return (SyntaxQueries.AssignedName(assignment), assignment.Right);
            default:
                return (null, null);
        }
    }
}
