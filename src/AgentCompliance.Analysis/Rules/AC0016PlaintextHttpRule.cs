using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0016: a plain <c>http://</c> URL to a non-loopback host in a string literal or at the start of an interpolated
/// string. Loopback (localhost, 127.0.0.0/8, [::1]) and XML/JSON namespace identifiers (w3.org, schemas.*) are ignored.
/// </summary>
public sealed class AC0016PlaintextHttpRule : IAnalysisRule
{
    private static readonly string[] NamespaceHosts =
    [
        "www.w3.org", "schemas.xmlsoap.org", "schemas.microsoft.com", "schemas.openxmlformats.org", "purl.org", "json-schema.org",
        "xmlns.com", "ns.adobe.com", "docs.oasis-open.org",
    ];

    public RuleDescriptor Descriptor { get; } = new(
        "AC0016",
        "PlaintextHttp",
        "Plaintext HTTP endpoint",
        "'{0}' is plain HTTP to {1}: tokens, prompts and tool results between agents travel unencrypted and unauthenticated",
        RuleSeverity.Warning,
        6.8,
        "Agents pass bearer tokens, user data and instructions to each other and to tool servers. Over plain HTTP anyone " +
        "on the path can read the tokens and inject or alter messages (agent communication poisoning). Use https:// (mTLS " +
        "between services where possible); keep http:// for loopback only.",
        ["ASI07", "T12", "T16", "MAESTRO-L7:Agent Impersonation", "NHI4"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnNode(AnalyzeLiteral, SyntaxKind.StringLiteralExpression);
        registrar.OnNode(AnalyzeInterpolated, SyntaxKind.InterpolatedStringExpression);
    }

    private static void AnalyzeLiteral(NodeContext context)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        Check(context, literal, literal.Token.ValueText);
    }

    private static void AnalyzeInterpolated(NodeContext context)
    {
        var interpolated = (InterpolatedStringExpressionSyntax)context.Node;
        if (interpolated.Contents.FirstOrDefault() is InterpolatedStringTextSyntax text)
        {
            Check(context, interpolated, text.TextToken.ValueText);
        }
    }

    private static void Check(NodeContext context, SyntaxNode node, string value)
    {
        const string scheme = "http://";
        if (!value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || node.Ancestors().Any(ancestor => ancestor is AttributeSyntax))
        {
            return;
        }

        var rest = value[scheme.Length..];
        var end = rest.IndexOfAny(['/', '?', '#', '{']);
        var authority = end < 0 ? rest : rest[..end];

        // http://user:password@host: never repeat credentials in a message.
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = "***@" + authority[(at + 1)..];
        }

        var hostPart = at >= 0 ? authority[4..] : authority;
        var host = hostPart.StartsWith('[') ? hostPart[..(hostPart.IndexOf(']', StringComparison.Ordinal) + 1)] : hostPart.Split(':')[0];
        if (IsLoopback(host) || NamespaceHosts.Any(known => host.Equals(known, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        // $"http://{peer}/…": the host is decided at run time, so it is not known to be loopback.
        var target = host switch
        {
            "" when node is InterpolatedStringExpressionSyntax => "a host chosen at run time",
            "" => null,
            "*" or "+" or "0.0.0.0" => "every network interface",
            _ => host,
        };
        if (target is not null)
        {
            context.Report(node, scheme + authority + (target == "a host chosen at run time" ? "{…}" : string.Empty), target);
        }
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || host.StartsWith("127.", StringComparison.Ordinal) || host == "[::1]";
}
