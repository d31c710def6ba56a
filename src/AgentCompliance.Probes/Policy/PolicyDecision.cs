namespace AgentCompliance.Probes.Policy;

/// <summary>The decision point's answer for one resource and action.</summary>
public sealed record PolicyDecision(PolicyResource Resource, string Action, PolicyEffect Effect)
{
    public bool IsAllowed => Effect == PolicyEffect.Allow;
}
