namespace AgentCompliance.Probes.Policy;

/// <summary>The outcome of one authorization question.</summary>
public enum PolicyEffect
{
    Deny,
    Allow,
}
