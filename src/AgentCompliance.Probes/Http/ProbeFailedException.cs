namespace AgentCompliance.Probes.Http;

/// <summary>
/// A deployment could not be probed: unreachable, too slow, an oversized or malformed answer, a refused transport.
/// The message names the endpoint (never a credential) and says what to check; steps report it as a failed control,
/// because a control that could not be verified is not passed.
/// </summary>
public sealed class ProbeFailedException : Exception
{
    public ProbeFailedException()
    {
    }

    public ProbeFailedException(string message)
        : base(message)
    {
    }

    public ProbeFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
