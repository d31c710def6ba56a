namespace AgentCompliance.Probes.Tokens;

/// <summary>
/// A token that should be a JWT cannot be read: wrong number of parts, invalid base64url, not JSON, or an oversized
/// header. The message says which, never the token itself.
/// </summary>
public sealed class MalformedTokenException : Exception
{
    public MalformedTokenException()
    {
    }

    public MalformedTokenException(string message)
        : base(message)
    {
    }

    public MalformedTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
