using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Syntax;

/// <summary>
/// Name-based questions about syntax. Agent SDK packages rarely resolve in the analysed code, so rules first match
/// what is written (type, method, attribute and member names) and consult the semantic model only to confirm.
/// </summary>
public static class SyntaxQueries
{
    /// <summary>The simple name of the invoked method: <c>Start</c> for <c>Process.Start(...)</c> and <c>x?.Start()</c>.</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return invocation.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>What the method is called on: <c>Process</c> in <c>Process.Start()</c>, <c>client</c> in <c>client?.GetAsync()</c>.</summary>
    public static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            MemberBindingExpressionSyntax => invocation.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
            _ => null,
        };
    }

    /// <summary>The rightmost identifier of a name or member access: <c>File</c> for <c>System.IO.File</c>.</summary>
    public static string? RightmostName(SyntaxNode? node) => node switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        PredefinedTypeSyntax predefined => predefined.Keyword.ValueText,
        NullableTypeSyntax nullable => RightmostName(nullable.ElementType),
        ThisExpressionSyntax => "this",
        _ => null,
    };

    /// <summary>True for <c>Type.Method(...)</c> where the receiver is written as <paramref name="typeName"/> (qualified or not).</summary>
    public static bool IsCallOn(InvocationExpressionSyntax invocation, string typeName, params string[] methodNames)
    {
        ArgumentNullException.ThrowIfNull(methodNames);
        var name = InvokedName(invocation);
        return name is not null && methodNames.Contains(name, StringComparer.Ordinal) &&
            string.Equals(RightmostName(Receiver(invocation)), typeName, StringComparison.Ordinal);
    }

    /// <summary>The type name written in <c>new T(...)</c>, or the declared type for target-typed <c>new()</c>.</summary>
    public static string? CreatedTypeName(BaseObjectCreationExpressionSyntax creation)
    {
        ArgumentNullException.ThrowIfNull(creation);
        if (creation is ObjectCreationExpressionSyntax explicitCreation)
        {
            return RightmostName(explicitCreation.Type);
        }

        return creation.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => RightmostName(declaration.Type),
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => RightmostName(property.Type),
            // ChatMessage Prompt() => new(...); and return new(...); take the declared return type.
            ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } => RightmostName(method.ReturnType),
            ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => RightmostName(property.Type),
            ArrowExpressionClauseSyntax { Parent: LocalFunctionStatementSyntax local } => RightmostName(local.ReturnType),
            ReturnStatementSyntax statement => statement.Ancestors().TakeWhile(node => node is not AnonymousFunctionExpressionSyntax)
                .Select(node => node switch
                {
                    MethodDeclarationSyntax method => method.ReturnType,
                    LocalFunctionStatementSyntax local => local.ReturnType,
                    _ => null,
                })
                .FirstOrDefault(type => type is not null) is { } returnType ? RightmostName(returnType) : null,
            // new List<ChatMessage> { new(...) }: the collection's element type.
            InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax { Type: GenericNameSyntax collection } } =>
                RightmostName(collection.TypeArgumentList.Arguments[^1]),
            _ => null,
        };
    }

    /// <summary>Attribute name match that ignores namespaces and the <c>Attribute</c> suffix.</summary>
    public static bool IsAttribute(AttributeSyntax attribute, string name)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var written = RightmostName(attribute.Name);
        return written is not null && (written == name || (written.Length == name.Length + 9 && written.StartsWith(name, StringComparison.Ordinal) && written.EndsWith("Attribute", StringComparison.Ordinal)));
    }

    public static IEnumerable<AttributeSyntax> Attributes(SyntaxList<AttributeListSyntax> lists) => lists.SelectMany(list => list.Attributes);

    public static AttributeSyntax? FindAttribute(SyntaxList<AttributeListSyntax> lists, string name) =>
        lists.Count == 0 ? null : Attributes(lists).FirstOrDefault(attribute => IsAttribute(attribute, name));

    /// <summary>The member or variable name assigned to: <c>ValidateLifetime</c> in <c>options.ValidateLifetime = false</c>.</summary>
    public static string? AssignedName(AssignmentExpressionSyntax assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return RightmostName(assignment.Left);
    }

    /// <summary>The constant key of an indexer assignment target: <c>"scope"</c> for <c>form["scope"]</c> or <c>{ ["scope"] = … }</c>.</summary>
    public static string? IndexerKey(ExpressionSyntax target) => target switch
    {
        ElementAccessExpressionSyntax element => StringValue(element.ArgumentList.Arguments.FirstOrDefault()?.Expression),
        ImplicitElementAccessSyntax implicitElement => StringValue(implicitElement.ArgumentList.Arguments.FirstOrDefault()?.Expression),
        _ => null,
    };

    /// <summary>Argument by name (<c>name: x</c>) or else by position; null when absent.</summary>
    public static ArgumentSyntax? Argument(BaseArgumentListSyntax? arguments, int position, string? name = null)
    {
        if (arguments is null)
        {
            return null;
        }

        if (name is not null)
        {
            var named = arguments.Arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText == name);
            if (named is not null)
            {
                return named;
            }
        }

        var positional = arguments.Arguments.Where(argument => argument.NameColon is null).ToList();
        return position < positional.Count ? positional[position] : null;
    }

    /// <summary>The text of a string literal, a hole-free interpolated string, or a concatenation of those; null otherwise.</summary>
    public static string? StringValue(ExpressionSyntax? expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression) => literal.Token.ValueText,
        InterpolatedStringExpressionSyntax interpolated when interpolated.Contents.All(content => content is InterpolatedStringTextSyntax) =>
            string.Concat(interpolated.Contents.Cast<InterpolatedStringTextSyntax>().Select(text => text.TextToken.ValueText)),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) =>
            StringValue(binary.Left) is { } left && StringValue(binary.Right) is { } right ? left + right : null,
        ParenthesizedExpressionSyntax parenthesized => StringValue(parenthesized.Expression),
        _ => null,
    };

    /// <summary>Every string literal inside an expression (array and collection initialisers included).</summary>
    public static IEnumerable<LiteralExpressionSyntax> StringLiterals(ExpressionSyntax expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().Where(literal => literal.IsKind(SyntaxKind.StringLiteralExpression));
    }

    public static bool IsTrueLiteral(ExpressionSyntax? expression) =>
        Unwrap(expression) is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.TrueLiteralExpression);

    public static bool IsFalseLiteral(ExpressionSyntax? expression) =>
        Unwrap(expression) is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.FalseLiteralExpression);

    public static ExpressionSyntax? Unwrap(ExpressionSyntax? expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = postfix.Operand;
                    break;
                case AwaitExpressionSyntax awaited:
                    expression = awaited.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary>A compile-time number: literals, <c>int.MaxValue</c>, and + - * / of those (<c>60 * 60 * 24</c>).</summary>
    public static double? NumericValue(ExpressionSyntax? expression)
    {
        switch (Unwrap(expression))
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                return Convert.ToDouble(literal.Token.Value, System.Globalization.CultureInfo.InvariantCulture);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negative:
                return -NumericValue(negative.Operand);
            case MemberAccessExpressionSyntax access when access.Name.Identifier.ValueText == "MaxValue":
                return RightmostName(access.Expression) switch
                {
                    "int" or "Int32" => int.MaxValue,
                    "long" or "Int64" => long.MaxValue,
                    "uint" or "UInt32" => uint.MaxValue,
                    _ => null,
                };
            case BinaryExpressionSyntax binary:
                var left = NumericValue(binary.Left);
                var right = NumericValue(binary.Right);
                if (left is null || right is null)
                {
                    return null;
                }

                return binary.Kind() switch
                {
                    SyntaxKind.MultiplyExpression => left * right,
                    SyntaxKind.AddExpression => left + right,
                    SyntaxKind.SubtractExpression => left - right,
                    SyntaxKind.DivideExpression when right != 0 => left / right,
                    _ => null,
                };
            case CastExpressionSyntax cast:
                return NumericValue(cast.Expression);
            default:
                return null;
        }
    }

    /// <summary>
    /// A duration written in code: <c>TimeSpan.FromDays(30)</c>, <c>new TimeSpan(8, 0, 0)</c>, <c>TimeSpan.MaxValue</c>,
    /// or the distance from now of <c>DateTime.UtcNow.AddDays(7)</c>; null when it is not a constant.
    /// </summary>
    public static TimeSpan? Duration(ExpressionSyntax? expression)
    {
        switch (Unwrap(expression))
        {
            case InvocationExpressionSyntax invocation:
                var name = InvokedName(invocation);
                var receiver = Receiver(invocation);
                var first = NumericValue(Argument(invocation.ArgumentList, 0)?.Expression);
                if (RightmostName(receiver) == "TimeSpan" && first is { } amount)
                {
                    return FromUnit(name, amount);
                }

                // DateTime.UtcNow.AddDays(7), DateTimeOffset.Now.AddHours(12): a point in time that far ahead.
                if (receiver is MemberAccessExpressionSyntax now && IsNow(now) && first is { } offset && name is not null && name.StartsWith("Add", StringComparison.Ordinal))
                {
                    return FromUnit("From" + name[3..], offset);
                }

                if (name == "Add" && receiver is MemberAccessExpressionSyntax baseline && IsNow(baseline))
                {
                    return Duration(Argument(invocation.ArgumentList, 0)?.Expression);
                }

                return null;
            case BaseObjectCreationExpressionSyntax creation when CreatedTypeName(creation) == "TimeSpan" && creation.ArgumentList is { } arguments:
                var parts = arguments.Arguments.Select(argument => NumericValue(argument.Expression)).ToList();
                if (parts.Any(part => part is null))
                {
                    return null;
                }

                return parts.Count switch
                {
                    3 => new TimeSpan((int)parts[0]!.Value, (int)parts[1]!.Value, (int)parts[2]!.Value),
                    4 or 5 => new TimeSpan((int)parts[0]!.Value, (int)parts[1]!.Value, (int)parts[2]!.Value, (int)parts[3]!.Value),
                    _ => null,
                };
            case MemberAccessExpressionSyntax access when access.Name.Identifier.ValueText == "MaxValue" && RightmostName(access.Expression) is "TimeSpan" or "DateTime" or "DateTimeOffset":
                return TimeSpan.MaxValue;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) && binary.Left is MemberAccessExpressionSyntax start && IsNow(start):
                return Duration(binary.Right);
            default:
                return null;
        }
    }

    private static bool IsNow(MemberAccessExpressionSyntax access) =>
        access.Name.Identifier.ValueText is "UtcNow" or "Now" && RightmostName(access.Expression) is "DateTime" or "DateTimeOffset";

    private static TimeSpan? FromUnit(string? method, double amount)
    {
        // Clamp so absurd values (int.MaxValue days) read as "forever" instead of overflowing.
        const double maxDays = 3_650_000;
        double? days = method switch
        {
            "FromDays" => amount,
            "FromHours" => amount / 24,
            "FromMinutes" => amount / 1440,
            "FromSeconds" => amount / 86400,
            "FromMilliseconds" => amount / 86_400_000,
            "FromYears" => amount * 365,
            "FromMonths" => amount * 30,
            _ => null,
        };
        return days is null ? null : TimeSpan.FromDays(Math.Min(days.Value, maxDays));
    }

    /// <summary>Lower-case words of an identifier: <c>DeleteCustomerAsync</c> → delete, customer, async; <c>send_email</c> → send, email.</summary>
    public static IEnumerable<string> Words(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var start = 0;
        for (var index = 1; index <= identifier.Length; index++)
        {
            var atEnd = index == identifier.Length;
            var separator = !atEnd && !char.IsLetterOrDigit(identifier[index]);
            // camelCase boundary (tokenValue), or the end of an acronym (AIKey → AI, Key).
            var boundary = !atEnd && char.IsUpper(identifier[index]) && (char.IsLower(identifier[index - 1])
                || (char.IsUpper(identifier[index - 1]) && index + 1 < identifier.Length && char.IsLower(identifier[index + 1])));
            if (atEnd || separator || boundary)
            {
                if (index > start)
                {
                    var word = identifier[start..index];
                    if (word.Length > 0 && char.IsLetterOrDigit(word[0]))
                    {
                        yield return word.ToLowerInvariant();
                    }
                }

                start = separator ? index + 1 : index;
            }
        }
    }

    /// <summary>The method, local function, lambda or accessor whose body contains <paramref name="node"/>.</summary>
    public static SyntaxNode? EnclosingCallable(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Ancestors().FirstOrDefault(ancestor => ancestor is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax
            or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);
    }

    /// <summary>Statements that guard <paramref name="body"/>'s flow: conditions of ifs, whiles, ternaries and switch-expression guards.</summary>
    public static IEnumerable<ExpressionSyntax> Conditions(SyntaxNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case IfStatementSyntax statement:
                    yield return statement.Condition;
                    break;
                case WhileStatementSyntax loop:
                    yield return loop.Condition;
                    break;
                case ConditionalExpressionSyntax conditional:
                    yield return conditional.Condition;
                    break;
                case DoStatementSyntax doLoop:
                    yield return doLoop.Condition;
                    break;
                case ForStatementSyntax { Condition: { } forCondition }:
                    yield return forCondition;
                    break;
                case WhenClauseSyntax whenClause:
                    yield return whenClause.Condition;
                    break;
            }
        }
    }
}
