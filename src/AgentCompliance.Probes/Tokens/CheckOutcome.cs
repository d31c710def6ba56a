namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// The verdict of one check: whether the control holds, and a sentence saying what was found (the evidence when it
/// holds, the violation when it does not). Never contains a token or secret.
/// </summary>
public sealed record CheckOutcome(bool Holds, string Message)
{
    public static CheckOutcome Pass(string message) => new(true, message);

    public static CheckOutcome Fail(string message) => new(false, message);
}
