namespace AgentCompliance.ReferencePlatform.Policy;

/// <summary>What the gateway asks on every tool call: may this agent invoke this tool now, and if not, why.</summary>
public interface IToolCallDecider
{
    Task<(bool Allowed, string Reason)> DecideAsync(string agent, string tool, CancellationToken cancellationToken);
}
