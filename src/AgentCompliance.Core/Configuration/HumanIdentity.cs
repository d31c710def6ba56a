namespace AgentCompliance.Core.Configuration;

/// <summary>A person's identity, so scenarios can prove that no agent identity is shared with a human.</summary>
public sealed record HumanIdentity
{
    public required string Name { get; init; }

    /// <summary>The subject ('sub' claim or user name) at the identity provider.</summary>
    public required string Subject { get; init; }

    /// <summary>
    /// Where an access token this person obtained is read (e.g. from the approval step of a test run), for the
    /// delegation controls: agents exchange it (RFC 8693) to act for the person. Never the token itself.
    /// </summary>
    public SecretReference? SubjectToken { get; init; }
}
