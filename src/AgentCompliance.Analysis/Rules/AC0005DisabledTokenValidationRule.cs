using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0005: token validation switched off (<c>ValidateLifetime/ValidateAudience/ValidateIssuer/ValidateIssuerSigningKey/
/// RequireSignedTokens/RequireExpirationTime = false</c>) or a <c>SignatureValidator</c> that returns the token unchecked.
/// </summary>
public sealed class AC0005DisabledTokenValidationRule : IAnalysisRule
{
    private static readonly Dictionary<string, string> Checks = new(StringComparer.Ordinal)
    {
        ["ValidateLifetime"] = "expired tokens are accepted",
        ["ValidateAudience"] = "tokens issued for any other service are accepted",
        ["ValidateIssuer"] = "tokens from any issuer are accepted",
        ["ValidateIssuerSigningKey"] = "the signing key is not checked",
        ["RequireSignedTokens"] = "unsigned tokens are accepted",
        ["RequireExpirationTime"] = "tokens that never expire are accepted",
        ["RequireAudience"] = "tokens without an audience are accepted",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0005",
        "DisabledTokenValidation",
        "Token validation disabled",
        "{0}: {1}",
        RuleSeverity.Error,
        8.8,
        "Every agent-to-service call is authorised by the token it carries. Turning off lifetime, audience, issuer or " +
        "signature checks lets replayed, stolen or forged tokens in, and lets a token minted for one agent or service be " +
        "used against another. Keep every check on and configure the expected issuer, audience and signing keys instead.",
        ["NHI4", "ASI03", "ASI07", "MAESTRO-L7:Agent Impersonation", "T9"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnNode(Analyze, SyntaxKind.SimpleAssignmentExpression);
    }

    private static void Analyze(NodeContext context)
    {
        var assignment = (AssignmentExpressionSyntax)context.Node;
        var name = SyntaxQueries.AssignedName(assignment);
        if (name is null)
        {
            return;
        }

        if (Checks.TryGetValue(name, out var consequence) && SyntaxQueries.IsFalseLiteral(assignment.Right))
        {
            context.Report(assignment, $"{name} = false", consequence);
        }
        else if (name == "SignatureValidator" && ReturnsTokenUnchecked(assignment.Right))
        {
            context.Report(assignment, "SignatureValidator returns the token without checking its signature", "forged tokens are accepted");
        }
    }

    // (token, parameters) => new JwtSecurityToken(token): parses, never verifies.
    private static bool ReturnsTokenUnchecked(ExpressionSyntax value)
    {
        if (value is not LambdaExpressionSyntax lambda)
        {
            return false;
        }

        var returned = lambda.ExpressionBody is { } expression
            ? [expression]
            : lambda.Block?.DescendantNodes().OfType<ReturnStatementSyntax>().Select(statement => statement.Expression).OfType<ExpressionSyntax>().ToList() ?? [];
        return returned.Count > 0 && returned.All(item => item is BaseObjectCreationExpressionSyntax creation
            && SyntaxQueries.CreatedTypeName(creation) is "JwtSecurityToken" or "JsonWebToken"
            && creation.ArgumentList?.Arguments.Count == 1);
    }
}
