using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Engine;

/// <summary>Recognises calls that leave an audit trail: ILogger/Serilog/NLog calls, audit sinks, activity events.</summary>
public static class AuditLogCalls
{
    private static readonly HashSet<string> ReceiverWords = new(StringComparer.Ordinal) { "log", "logger", "audit", "auditor", "telemetry", "activity" };

    public static bool IsAuditCall(InvocationExpressionSyntax invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var name = SyntaxQueries.InvokedName(invocation);
        if (name is null)
        {
            return false;
        }

        if (name.StartsWith("Log", StringComparison.Ordinal) || name.StartsWith("Audit", StringComparison.Ordinal) || name is "AddEvent" or "TraceEvent" or "TraceInformation")
        {
            return true;
        }

        var receiver = SyntaxQueries.RightmostName(SyntaxQueries.Receiver(invocation));
        return receiver is not null && SyntaxQueries.Words(receiver).Any(ReceiverWords.Contains);
    }
}
