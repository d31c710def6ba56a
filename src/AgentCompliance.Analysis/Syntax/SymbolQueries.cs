using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Syntax;

/// <summary>
/// Semantic confirmation of a syntactic match. Every method answers null when the symbol does not resolve (the
/// analysed project's packages are missing), so callers keep the syntactic verdict; true/false when it does.
/// Queries bind speculatively at the node's position (the receiver or type name alone), never the whole enclosing
/// method body: that is what keeps analysis cheaper than compiling the code.
/// </summary>
public static class SymbolQueries
{
    /// <summary>
    /// Whether the call's receiver (<c>File</c> in <c>File.ReadAllText()</c>, <c>http</c> in <c>http.GetAsync()</c>) or the
    /// created type (<c>new FileInfo()</c>) is, or derives from, <paramref name="typeFullName"/>, e.g. <c>System.IO.File</c>.
    /// </summary>
    public static bool? IsMemberOf(SemanticModel model, ExpressionSyntax invocationOrCreation, string typeFullName) =>
        IsMemberOfAny(model, invocationOrCreation, typeFullName);

    /// <summary>Like <see cref="IsMemberOf"/>, true when the receiver or created type is any of <paramref name="typeFullNames"/>.</summary>
    public static bool? IsMemberOfAny(SemanticModel model, ExpressionSyntax invocationOrCreation, params string[] typeFullNames)
    {
        ArgumentNullException.ThrowIfNull(typeFullNames);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(invocationOrCreation);
        var type = invocationOrCreation switch
        {
            ObjectCreationExpressionSyntax creation => BindType(model, creation.Type),
            InvocationExpressionSyntax invocation when SyntaxQueries.Receiver(invocation) is { } receiver => ReceiverType(model, receiver),
            _ => null,
        };
        return type is null ? null : typeFullNames.Any(name => IsOrDerivesFrom(type, name));
    }

    /// <summary>Whether the expression's static type is (or derives from) <paramref name="typeFullName"/>.</summary>
    public static bool? HasType(SemanticModel model, ExpressionSyntax expression, string typeFullName)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(expression);
        var type = BindExpressionType(model, expression);
        return type is null ? null : IsOrDerivesFrom(type, typeFullName);
    }

    /// <summary>True when the expression names a constant (const field or local) or is a literal or nameof.</summary>
    public static bool IsConstant(SemanticModel model, ExpressionSyntax expression)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(expression);
        if (expression is LiteralExpressionSyntax || (expression is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }))
        {
            return true;
        }

        if (expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
        {
            return false;
        }

        var symbol = model.GetSpeculativeSymbolInfo(expression.SpanStart, expression, SpeculativeBindingOption.BindAsExpression).Symbol;
        return symbol is IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true };
    }

    // A receiver is either a type (static call) or a value whose type we want.
    private static ITypeSymbol? ReceiverType(SemanticModel model, ExpressionSyntax receiver)
    {
        if (receiver is IdentifierNameSyntax or QualifiedNameSyntax or GenericNameSyntax
            || (receiver is MemberAccessExpressionSyntax access && IsDottedName(access)))
        {
            var asType = model.GetSpeculativeSymbolInfo(receiver.SpanStart, receiver, SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol as ITypeSymbol;
            if (asType is not null && asType.TypeKind != TypeKind.Error)
            {
                // A value with the same name as a type (Color Color) binds as the value's type either way.
                var asValue = BindExpressionType(model, receiver);
                return asValue ?? asType;
            }
        }

        return BindExpressionType(model, receiver);
    }

    private static ITypeSymbol? BindType(SemanticModel model, TypeSyntax type)
    {
        var symbol = model.GetSpeculativeSymbolInfo(type.SpanStart, type, SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol as ITypeSymbol;
        return symbol is null || symbol.TypeKind == TypeKind.Error ? null : symbol;
    }

    private static ITypeSymbol? BindExpressionType(SemanticModel model, ExpressionSyntax expression)
    {
        var type = model.GetSpeculativeTypeInfo(expression.SpanStart, expression, SpeculativeBindingOption.BindAsExpression).Type;
        return type is null || type.TypeKind == TypeKind.Error ? null : type;
    }

    private static bool IsDottedName(MemberAccessExpressionSyntax access) => access.Expression switch
    {
        IdentifierNameSyntax => true,
        MemberAccessExpressionSyntax inner => IsDottedName(inner),
        _ => false,
    };

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
