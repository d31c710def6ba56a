namespace AgentCompliance.Core.Configuration;

/// <summary>A person's identity, so scenarios can prove that no agent identity is shared with a human.</summary>
public sealed record HumanIdentity
{
    public required string Name { get; init; }

    /// <summary>The subject ('sub' claim or user name) at the identity provider.</summary>
    public required string Subject { get; init; }
}
