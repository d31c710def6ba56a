namespace AgentCompliance.ReferencePlatform.Policy;

/// <summary>Decides tool calls in process from the policy file.</summary>
internal sealed class PolicyFileDecider(ToolPolicy policy) : IToolCallDecider
{
    public Task<(bool Allowed, string Reason)> DecideAsync(string agent, string tool, CancellationToken cancellationToken) =>
        Task.FromResult(policy.Decide(agent, ToolPolicy.ToolKind, tool, "invoke", sensitiveActionPerformed: false));
}
