using System.Text.RegularExpressions;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Engine;

/// <summary>
/// Intra-procedural, flow-insensitive taint tracking from a method's parameters through locals, assignments,
/// interpolation, concatenation and calls, with sanitisers per sink kind:
/// <list type="bullet">
/// <item>file paths: <c>Path.GetFileName(x)</c>; or <c>v = Path.GetFullPath(...)</c> checked by <c>v.StartsWith(...)</c> in a condition;</item>
/// <item>URLs: a condition on <c>v.Host</c>/<c>v.Authority</c>; <c>Uri.EscapeDataString</c>; a URL whose scheme and host are constant;</item>
/// <item>every sink: numeric/bool/Guid values, <c>Regex.IsMatch(v, …)</c> or an allow-list/validation predicate on <c>v</c> in a condition.</item>
/// </list>
/// SQL has no sanitiser but parameters: a parameterised command's text is constant, so nothing tainted reaches it.
/// </summary>
public sealed partial class TaintAnalysis
{
    private static readonly HashSet<string> UntaintedParameterTypes = new(StringComparer.Ordinal)
    {
        "int", "long", "short", "byte", "sbyte", "uint", "ulong", "ushort", "bool", "double", "float", "decimal", "char",
        "Int32", "Int64", "Boolean", "Double", "Decimal", "Guid", "DateTime", "DateTimeOffset", "TimeSpan", "DateOnly", "TimeOnly",
        "CancellationToken", "Kernel", "ILogger", "ILoggerFactory", "IServiceProvider", "McpServer", "IMcpServer", "HttpClient",
        "IHttpClientFactory", "IProgress", "KernelArguments",
    };

    // Calls whose result carries no attacker-chosen text, whatever goes in.
    private static readonly HashSet<string> CleanResultMethods = new(StringComparer.Ordinal)
    {
        "Parse", "TryParse", "ToInt32", "ToInt64", "ToInt16", "ToDouble", "ToDecimal", "ToBoolean", "ToByte", "Count", "LongCount",
        "Any", "All", "Contains", "ContainsKey", "StartsWith", "EndsWith", "Equals", "IsMatch", "Exists", "GetHashCode",
        "CompareTo", "IndexOf", "LastIndexOf", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Sum", "Max", "Min", "Average", "nameof",
    };

    private static readonly HashSet<string> CleanMembers = new(StringComparer.Ordinal) { "Length", "Count", "IsEmpty", "HasValue", "IsAbsoluteUri" };

    private static readonly HashSet<string> ValidationPredicateWords = new(StringComparer.Ordinal) { "allow", "allowed", "allowlist", "whitelist", "permitted", "valid", "validate", "safe", "trusted" };

    private readonly HashSet<string> sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ExpressionSyntax>> flows = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, SinkKind Sink), string?> resolved = [];
    private readonly HashSet<string> resolving = new(StringComparer.Ordinal);
    private readonly Dictionary<SinkKind, HashSet<string>> sanitised = [];
    private readonly HashSet<string> sanitisedEverywhere = new(StringComparer.Ordinal);

    private TaintAnalysis()
    {
    }

    /// <summary>True when some parameter can carry attacker-chosen text; false lets rules skip the method.</summary>
    public bool HasSources => sources.Count > 0;

    /// <summary>Names (parameters and locals) that carry parameter data into SQL-like sinks, mapped to the parameter it came from.</summary>
    public IReadOnlyDictionary<string, string> TaintedNames =>
        sources.Concat(flows.Keys).Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Origin: NameOrigin(name, SinkKind.Sql)))
            .Where(pair => pair.Origin is not null)
            .ToDictionary(pair => pair.Name, pair => pair.Origin!, StringComparer.Ordinal);

    /// <summary>Taint starting at every parameter whose type can carry text (not numbers, tokens, loggers…).</summary>
    public static TaintAnalysis FromParameters(SyntaxNode? body, IEnumerable<ParameterSyntax> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var analysis = new TaintAnalysis();
        foreach (var parameter in parameters)
        {
            var typeName = SyntaxQueries.RightmostName(parameter.Type);
            if (typeName is null || !UntaintedParameterTypes.Contains(typeName))
            {
                analysis.sources.Add(parameter.Identifier.ValueText);
            }
        }

        if (body is not null && analysis.sources.Count > 0)
        {
            analysis.CollectFlows(body);
            analysis.FindSanitisers(body);
        }

        return analysis;
    }

    /// <summary>Taint from the parameters of whatever method, local function or lambda encloses <paramref name="node"/>.</summary>
    public static TaintAnalysis ForEnclosingCallable(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return SyntaxQueries.EnclosingCallable(node) switch
        {
            BaseMethodDeclarationSyntax method => FromParameters((SyntaxNode?)method.Body ?? method.ExpressionBody, method.ParameterList.Parameters),
            LocalFunctionStatementSyntax local => FromParameters((SyntaxNode?)local.Body ?? local.ExpressionBody, local.ParameterList.Parameters),
            ParenthesizedLambdaExpressionSyntax lambda => FromParameters(lambda.Body, lambda.ParameterList.Parameters),
            SimpleLambdaExpressionSyntax simple => FromParameters(simple.Body, [simple.Parameter]),
            _ => new TaintAnalysis(),
        };
    }

    public bool IsTainted(ExpressionSyntax expression, SinkKind sink) => Origin(expression, sink) is not null;

    /// <summary>The parameter whose data reaches <paramref name="expression"/> unsanitised for <paramref name="sink"/>, or null.</summary>
    public string? Origin(ExpressionSyntax? expression, SinkKind sink)
    {
        switch (expression)
        {
            case null:
                return null;
            case IdentifierNameSyntax identifier:
                return NameOrigin(identifier.Identifier.ValueText, sink);
            case LiteralExpressionSyntax or TypeOfExpressionSyntax or DefaultExpressionSyntax:
                return null;
            case InterpolatedStringExpressionSyntax interpolated:
                if (sink == SinkKind.Url && HasFixedOrigin(interpolated))
                {
                    return null;
                }

                return interpolated.Contents.OfType<InterpolationSyntax>().Select(hole => Origin(hole.Expression, sink)).FirstOrDefault(found => found is not null);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.CoalesceExpression):
                if (sink == SinkKind.Url && LeftmostOperand(binary) is { } first && SyntaxQueries.StringValue(first) is { } prefix && FixedOriginPattern().IsMatch(prefix))
                {
                    return null;
                }

                return Origin(binary.Left, sink) ?? Origin(binary.Right, sink);
            case ConditionalExpressionSyntax conditional:
                return Origin(conditional.WhenTrue, sink) ?? Origin(conditional.WhenFalse, sink);
            case ParenthesizedExpressionSyntax parenthesized:
                return Origin(parenthesized.Expression, sink);
            case AwaitExpressionSyntax awaited:
                return Origin(awaited.Expression, sink);
            case CastExpressionSyntax cast:
                return UntaintedParameterTypes.Contains(SyntaxQueries.RightmostName(cast.Type) ?? string.Empty) ? null : Origin(cast.Expression, sink);
            case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                return Origin(postfix.Operand, sink);
            case MemberAccessExpressionSyntax access:
                return CleanMembers.Contains(access.Name.Identifier.ValueText) ? null : Origin(access.Expression, sink);
            case ConditionalAccessExpressionSyntax conditionalAccess:
                return conditionalAccess.WhenNotNull is MemberBindingExpressionSyntax binding && CleanMembers.Contains(binding.Name.Identifier.ValueText)
                    ? null
                    : Origin(conditionalAccess.Expression, sink) ?? (conditionalAccess.WhenNotNull is InvocationExpressionSyntax call ? ArgumentOrigin(call.ArgumentList, sink) : null);
            case ElementAccessExpressionSyntax element:
                return Origin(element.Expression, sink);
            case InvocationExpressionSyntax invocation:
                return InvocationOrigin(invocation, sink);
            case BaseObjectCreationExpressionSyntax creation:
                return ArgumentOrigin(creation.ArgumentList, sink)
                    ?? creation.Initializer?.Expressions.Select(item => Origin(item, sink)).FirstOrDefault(found => found is not null);
            case AssignmentExpressionSyntax assignment:
                return Origin(assignment.Right, sink);
            case CollectionExpressionSyntax collection:
                return collection.Elements.OfType<ExpressionElementSyntax>().Select(element => Origin(element.Expression, sink)).FirstOrDefault(found => found is not null);
            case ArrayCreationExpressionSyntax array:
                return array.Initializer?.Expressions.Select(item => Origin(item, sink)).FirstOrDefault(found => found is not null);
            case ImplicitArrayCreationExpressionSyntax implicitArray:
                return implicitArray.Initializer.Expressions.Select(item => Origin(item, sink)).FirstOrDefault(found => found is not null);
            case SwitchExpressionSyntax switchExpression:
                return switchExpression.Arms.Select(arm => Origin(arm.Expression, sink)).FirstOrDefault(found => found is not null);
            default:
                return null;
        }
    }

    private string? InvocationOrigin(InvocationExpressionSyntax invocation, SinkKind sink)
    {
        var name = SyntaxQueries.InvokedName(invocation);
        if (name is null || CleanResultMethods.Contains(name))
        {
            return null;
        }

        var receiver = SyntaxQueries.RightmostName(SyntaxQueries.Receiver(invocation));
        var sanitiser = (sink, receiver, name) switch
        {
            (SinkKind.FilePath, "Path", "GetFileName" or "GetFileNameWithoutExtension" or "GetExtension") => true,
            (SinkKind.Url, "Uri", "EscapeDataString") => true,
            (SinkKind.Url, "WebUtility" or "HttpUtility" or "UrlEncoder", "UrlEncode" or "Encode") => true,
            (_, "Convert", _) when name.StartsWith("To", StringComparison.Ordinal) && name != "ToString" && name != "ToBase64String" => true,
            _ => false,
        };
        if (sanitiser)
        {
            return null;
        }

        var receiverExpression = invocation.Expression is MemberAccessExpressionSyntax access ? access.Expression : null;
        return Origin(receiverExpression, sink) ?? ArgumentOrigin(invocation.ArgumentList, sink);
    }

    private string? ArgumentOrigin(BaseArgumentListSyntax? arguments, SinkKind sink) =>
        arguments?.Arguments.Where(argument => argument.RefKindKeyword.IsKind(SyntaxKind.None))
            .Select(argument => Origin(argument.Expression, sink)).FirstOrDefault(found => found is not null);

    private bool IsSanitised(string name, SinkKind sink) =>
        sanitisedEverywhere.Contains(name) || (sanitised.TryGetValue(sink, out var names) && names.Contains(name));

    private void Sanitise(SinkKind sink, string name)
    {
        if (!sanitised.TryGetValue(sink, out var names))
        {
            sanitised[sink] = names = new HashSet<string>(StringComparer.Ordinal);
        }

        names.Add(name);
    }

    // A name is tainted for a sink when it is an unsanitised parameter, or when any value assigned to it anywhere in
    // the method is (flow-insensitive); a sanitised name cleans everything derived from it.
    private string? NameOrigin(string name, SinkKind sink)
    {
        if (IsSanitised(name, sink))
        {
            return null;
        }

        if (sources.Contains(name))
        {
            return name;
        }

        if (resolved.TryGetValue((name, sink), out var known))
        {
            return known;
        }

        if (!flows.TryGetValue(name, out var values) || !resolving.Add(name))
        {
            return null; // unknown, or a cycle (x = x + y) already being resolved
        }

        string? origin = null;
        foreach (var value in values)
        {
            origin = Origin(value, sink);
            if (origin is not null)
            {
                break;
            }
        }

        resolving.Remove(name);

        // Inner results may have been cut short by a cycle: only a top-level answer is final.
        if (resolving.Count == 0)
        {
            resolved[(name, sink)] = origin;
        }

        return origin;
    }

    private void AddFlow(string target, ExpressionSyntax value)
    {
        if (!flows.TryGetValue(target, out var values))
        {
            flows[target] = values = [];
        }

        values.Add(value);
    }

    private void CollectFlows(SyntaxNode body)
    {
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax { Initializer: { } initializer } declarator:
                    AddFlow(declarator.Identifier.ValueText, initializer.Value);
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment:
                    AddFlow(target.Identifier.ValueText, assignment.Right);
                    break;
                case ForEachStatementSyntax loop:
                    AddFlow(loop.Identifier.ValueText, loop.Expression);
                    break;
                case IsPatternExpressionSyntax { Pattern: DeclarationPatternSyntax { Designation: SingleVariableDesignationSyntax designation } } pattern:
                    AddFlow(designation.Identifier.ValueText, pattern.Expression);
                    break;
                case ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword, Parent.Parent: InvocationExpressionSyntax call } outArgument:
                    // Uri.TryCreate(arg, kind, out var uri) carries the argument; int.TryParse(arg, out var n) does not.
                    var outName = outArgument.Expression switch
                    {
                        DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax variable } => variable.Identifier.ValueText,
                        IdentifierNameSyntax existing => existing.Identifier.ValueText,
                        _ => null,
                    };
                    if (outName is not null && !(SyntaxQueries.InvokedName(call) == "TryParse" && SyntaxQueries.RightmostName(SyntaxQueries.Receiver(call)) != "Uri"))
                    {
                        AddFlow(outName, call);
                    }

                    break;
            }
        }
    }

    private void FindSanitisers(SyntaxNode body)
    {
        var fullPaths = body.DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .Where(declarator => declarator.Initializer?.Value is InvocationExpressionSyntax call && SyntaxQueries.IsCallOn(call, "Path", "GetFullPath"))
            .Select(declarator => declarator.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var condition in SyntaxQueries.Conditions(body))
        {
            foreach (var node in condition.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax call:
                        SanitiseByCheck(call, fullPaths);
                        break;
                    case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax uri } access
                        when access.Name.Identifier.ValueText is "Host" or "Authority" or "IdnHost" or "DnsSafeHost":
                        Sanitise(SinkKind.Url, uri.Identifier.ValueText);
                        break;
                }
            }
        }
    }

    private void SanitiseByCheck(InvocationExpressionSyntax call, HashSet<string> fullPaths)
    {
        var name = SyntaxQueries.InvokedName(call) ?? string.Empty;
        var receiver = SyntaxQueries.Receiver(call);
        if (name == "StartsWith" && receiver is IdentifierNameSyntax checkedPath && fullPaths.Contains(checkedPath.Identifier.ValueText))
        {
            Sanitise(SinkKind.FilePath, checkedPath.Identifier.ValueText);
        }
        else if (name == "IsMatch" && SyntaxQueries.RightmostName(receiver) == "Regex" && SyntaxQueries.Argument(call.ArgumentList, 0)?.Expression is IdentifierNameSyntax matched)
        {
            sanitisedEverywhere.Add(matched.Identifier.ValueText);
        }
        else if (SyntaxQueries.Words(name).Concat(SyntaxQueries.Words(SyntaxQueries.RightmostName(receiver) ?? string.Empty)).Any(ValidationPredicateWords.Contains))
        {
            // AllowedHosts.Contains(uri.Host), IsAllowedPath(path), Validator.IsValid(x): an explicit allow-list check.
            foreach (var argument in call.ArgumentList.Arguments)
            {
                var checkedName = argument.Expression switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner } => owner.Identifier.ValueText,
                    _ => null,
                };
                if (checkedName is not null)
                {
                    sanitisedEverywhere.Add(checkedName);
                }
            }
        }
    }

    private static ExpressionSyntax LeftmostOperand(BinaryExpressionSyntax binary)
    {
        ExpressionSyntax current = binary;
        while (current is BinaryExpressionSyntax nested && nested.IsKind(SyntaxKind.AddExpression))
        {
            current = nested.Left;
        }

        return current;
    }

    private static bool HasFixedOrigin(InterpolatedStringExpressionSyntax interpolated) =>
        interpolated.Contents.FirstOrDefault() is InterpolatedStringTextSyntax text && FixedOriginPattern().IsMatch(text.TextToken.ValueText);

    // "https://api.example.com/..." : scheme and host are fixed, so the argument can only pick a path or query.
    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.\-]*://[^/{}]+/", RegexOptions.CultureInvariant)]
    private static partial Regex FixedOriginPattern();
}
