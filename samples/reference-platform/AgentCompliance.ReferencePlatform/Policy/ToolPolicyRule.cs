namespace AgentCompliance.ReferencePlatform.Policy;

/// <summary>One allow rule: these agents may do these actions to these tools; <c>*</c> matches anything.</summary>
public sealed record ToolPolicyRule
{
    public IReadOnlyList<string> Agents { get; init; } = [];

    public IReadOnlyList<string> Tools { get; init; } = [];

    public IReadOnlyList<string> Actions { get; init; } = [];

    public bool Allows(string agent, string tool, string action) => Matches(Agents, agent) && Matches(Tools, tool) && Matches(Actions, action);

    private static bool Matches(IReadOnlyList<string> patterns, string value) => patterns.Any(p => p == "*" || string.Equals(p, value, StringComparison.Ordinal));
}
