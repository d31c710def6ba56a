using AgentCompliance.Analysis.Syntax;

namespace AgentCompliance.Analysis.Engine;

/// <summary>Words that mark an irreversible or money-moving action: such tools need a human or policy approval.</summary>
public static class SensitiveOperations
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "delete", "deletes", "deleting", "remove", "removes", "drop", "drops", "purge", "purges", "destroy", "destroys",
        "erase", "erases", "wipe", "wipes", "truncate", "truncates", "transfer", "transfers", "pay", "pays", "payment",
        "payments", "payout", "refund", "refunds", "send", "sends", "wire", "wires", "withdraw", "withdraws", "charge",
        "charges", "disburse", "disburses", "shutdown", "terminate", "terminates", "kill", "kills",
    };

    /// <summary>True when an identifier (<c>DeleteCustomer</c>, <c>send_email</c>) or a sentence uses one of the words.</summary>
    public static bool Mentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SyntaxQueries.Words(text).Any(Verbs.Contains);
    }
}
