using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0003: a secret-named value (token, API key, password, client secret) passed to a logger, <c>Console</c>,
/// <c>Debug</c> or <c>Trace</c>, directly or inside an interpolated message.
/// </summary>
public sealed class AC0003SecretInLogRule : IAnalysisRule
{
    private static readonly HashSet<string> StaticWriters = new(StringComparer.Ordinal) { "Console", "Debug", "Trace" };

    private static readonly HashSet<string> LogMethods = new(StringComparer.Ordinal)
    {
        "Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical",
        "Verbose", "Information", "Warning", "Error", "Fatal", "Info", "Warn",
        "WriteLine", "Write", "TraceInformation", "TraceWarning", "TraceError",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0003",
        "SecretWrittenToLog",
        "Secret written to a log",
        "'{0}' looks like a {1} and is written to a log by {2}(...): logs are read by far more people and systems than the secret's owner",
        RuleSeverity.Warning,
        7.0,
        "Logs, traces and consoles are shipped to observability back-ends, retained for months and readable by operators " +
        "and support tools. A token or key that reaches them is leaked. Log an identifier of the credential (key ID, token " +
        "hash, expiry) instead, or rely on a redacting logger.",
        ["NHI2", "LLM02", "MAESTRO-L5:Data Leakage through Observability"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnNode(Analyze, SyntaxKind.InvocationExpression);
    }

    private static void Analyze(NodeContext context)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var name = SyntaxQueries.InvokedName(invocation);
        if (name is null || !LogMethods.Contains(name) || !IsLogger(invocation, name))
        {
            return;
        }

        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            foreach (var value in Values(argument.Expression))
            {
                var valueName = value is ConditionalAccessExpressionSyntax conditional ? SyntaxQueries.RightmostName(conditional.WhenNotNull) : SyntaxQueries.RightmostName(value);
                if (valueName is not null && SecretNames.SecretKind(valueName) is { } kind)
                {
                    context.Report(value, valueName, kind, name);
                }
            }
        }
    }

    private static bool IsLogger(InvocationExpressionSyntax invocation, string name)
    {
        var receiver = SyntaxQueries.RightmostName(SyntaxQueries.Receiver(invocation));
        if (receiver is null)
        {
            return false;
        }

        if (name is "WriteLine" or "Write" or "TraceInformation" or "TraceWarning" or "TraceError")
        {
            return StaticWriters.Contains(receiver);
        }

        return name.StartsWith("Log", StringComparison.Ordinal) || SyntaxQueries.Words(receiver).Any(word => word is "log" or "logger");
    }

    // The argument itself, or the holes of an interpolated string and operands of a concatenation.
    private static IEnumerable<ExpressionSyntax> Values(ExpressionSyntax expression) => expression switch
    {
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.OfType<InterpolationSyntax>().SelectMany(hole => Values(hole.Expression)),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) => Values(binary.Left).Concat(Values(binary.Right)),
        IdentifierNameSyntax or MemberAccessExpressionSyntax => [expression],
        ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax } conditional => [conditional],
        _ => [],
    };
}
