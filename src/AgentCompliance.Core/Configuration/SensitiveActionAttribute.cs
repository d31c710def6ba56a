namespace AgentCompliance.Core.Configuration;

/// <summary>
/// The request attribute whose change after a sensitive action must flip a decision from allow to deny (for example
/// <c>sensitiveActionPerformed</c> false → true, <c>riskScore</c> 10 → 90, <c>approval</c> "granted" → "expired").
/// <see cref="Before"/> and <see cref="After"/> are JSON scalars: a boolean, a number or a string.
/// </summary>
public sealed record SensitiveActionAttribute
{
    public string Name { get; init; } = "sensitiveActionPerformed";

    /// <summary>Whether the attribute belongs to the principal (the agent) or to the resource (the tool).</summary>
    public AttributeHolder Of { get; init; } = AttributeHolder.Principal;

    public object? Before { get; init; } = false;

    public object? After { get; init; } = true;
}
