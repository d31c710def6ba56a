namespace AgentCompliance.Probes.OAuth;

/// <summary>
/// The token endpoint refused a request with an OAuth error (RFC 6749 §5.2). Not a probe failure: a refusal can be
/// the expected outcome (up-scoping refused, revoked subject token refused), so callers decide what it means.
/// </summary>
public sealed class TokenEndpointException : Exception
{
    public TokenEndpointException()
    {
    }

    public TokenEndpointException(string message)
        : base(message)
    {
    }

    public TokenEndpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TokenEndpointException(int status, string error, string? description)
        : base($"the token endpoint answered {status} {error}{(description is null ? string.Empty : $": {description}")}")
    {
        Status = status;
        Error = error;
        Description = description;
    }

    public int Status { get; }

    /// <summary>The OAuth <c>error</c> code, e.g. <c>invalid_scope</c>, <c>invalid_grant</c>, <c>invalid_target</c>.</summary>
    public string Error { get; } = string.Empty;

    public string? Description { get; }
}
