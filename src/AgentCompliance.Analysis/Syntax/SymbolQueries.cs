using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Syntax;

/// <summary>
/// Semantic confirmation of a syntactic match. Every method answers null when the symbol does not resolve (the
/// analysed project's packages are missing), so callers keep the syntactic verdict; true/false when it does.
/// </summary>
public static class SymbolQueries
{
    /// <summary>Whether the invoked method (or constructor) is declared on <paramref name="typeFullName"/>, e.g. <c>System.Diagnostics.Process</c>.</summary>
    public static bool? IsMemberOf(SemanticModel model, ExpressionSyntax invocationOrCreation, string typeFullName)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(invocationOrCreation);
        var info = model.GetSymbolInfo(invocationOrCreation);
        var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        var type = symbol?.ContainingType;
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return null;
        }

        return IsOrDerivesFrom(type, typeFullName);
    }

    /// <summary>Whether the expression's static type is (or derives from) <paramref name="typeFullName"/>.</summary>
    public static bool? HasType(SemanticModel model, ExpressionSyntax expression, string typeFullName)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(expression);
        var type = model.GetTypeInfo(expression).Type;
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return null;
        }

        return IsOrDerivesFrom(type, typeFullName);
    }

    /// <summary>True when the expression is a compile-time constant (literals, const fields and locals, nameof).</summary>
    public static bool IsConstant(SemanticModel model, ExpressionSyntax expression)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(expression);
        return model.GetConstantValue(expression).HasValue;
    }

    private static bool IsOrDerivesFrom(ITypeSymbol type, string typeFullName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.OriginalDefinition.ToDisplayString() == typeFullName)
            {
                return true;
            }
        }

        return false;
    }
}
