using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0002: token-signing or HMAC key material fixed in the source (<c>new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))</c>,
/// <c>new HMACSHA256(…)</c> over a literal or a literal-initialised variable, an embedded PEM private key).
/// </summary>
public sealed class AC0002HardcodedSigningKeyRule : IAnalysisRule
{
    private static readonly HashSet<string> KeyTypes = new(StringComparer.Ordinal)
    {
        "SymmetricSecurityKey", "HMACSHA256", "HMACSHA384", "HMACSHA512", "HMACSHA1", "HMACMD5",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0002",
        "HardcodedSigningKey",
        "Hard-coded signing key",
        "{0} is built from key material written in the source: anyone with the code can mint tokens this service trusts",
        RuleSeverity.Error,
        9.3,
        "A signing key in code lets anyone who can read the repository or decompile the binary forge tokens for any agent " +
        "or user, and it cannot be rotated or revoked without a release. Load keys from a key vault or HSM, prefer asymmetric " +
        "keys published via JWKS, and rotate them.",
        ["NHI2", "NHI4", "ASI03", "MAESTRO-L7:Agent Impersonation", "T9"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnNode(AnalyzeCreation, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
        registrar.OnNode(AnalyzeLiteral, SyntaxKind.StringLiteralExpression);
    }

    private static void AnalyzeCreation(NodeContext context)
    {
        var creation = (BaseObjectCreationExpressionSyntax)context.Node;
        var type = SyntaxQueries.CreatedTypeName(creation);
        if (type is null || !KeyTypes.Contains(type) || creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression is not { } material)
        {
            return;
        }

        if (IsLiteralKeyMaterial(material, creation))
        {
            context.Report(material, $"new {type}(...)");
        }
    }

    private static void AnalyzeLiteral(NodeContext context)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        if (literal.Token.ValueText.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            context.Report(literal, "An embedded PEM private key");
        }
    }

    private static bool IsLiteralKeyMaterial(ExpressionSyntax material, SyntaxNode site)
    {
        switch (SyntaxQueries.Unwrap(material))
        {
            case InvocationExpressionSyntax call when SyntaxQueries.InvokedName(call) is "GetBytes" or "FromBase64String" or "FromHexString":
                return call.ArgumentList.Arguments.FirstOrDefault()?.Expression is { } text && IsLiteralText(text, site);
            case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                return initializer.Expressions.Count > 0 && initializer.Expressions.All(item => SyntaxQueries.NumericValue(item) is not null);
            case CollectionExpressionSyntax collection:
                return collection.Elements.Count > 0 && collection.Elements.All(element => element is ExpressionElementSyntax item && SyntaxQueries.NumericValue(item.Expression) is not null);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                return true;
            case IdentifierNameSyntax identifier:
                return InitializerOf(identifier.Identifier.ValueText, site) is { } initial && IsLiteralKeyMaterial(initial, site);
            default:
                return false;
        }
    }

    private static bool IsLiteralText(ExpressionSyntax text, SyntaxNode site) => SyntaxQueries.Unwrap(text) switch
    {
        var value when SyntaxQueries.StringValue(value) is not null => true,
        IdentifierNameSyntax identifier => InitializerOf(identifier.Identifier.ValueText, site) is { } initial && SyntaxQueries.StringValue(initial) is not null,
        _ => false,
    };

    // A local or field of that name in the enclosing method or type, initialised in its declaration.
    private static ExpressionSyntax? InitializerOf(string name, SyntaxNode site)
    {
        var scopes = new[] { SyntaxQueries.EnclosingCallable(site), site.FirstAncestorOrSelf<TypeDeclarationSyntax>() };
        foreach (var scope in scopes.OfType<SyntaxNode>())
        {
            var declarator = scope.DescendantNodes().OfType<VariableDeclaratorSyntax>().FirstOrDefault(candidate => candidate.Identifier.ValueText == name);
            if (declarator?.Initializer is { } initializer)
            {
                return initializer.Value;
            }
        }

        return null;
    }
}
