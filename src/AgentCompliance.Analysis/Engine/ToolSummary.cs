namespace AgentCompliance.Analysis.Engine;

/// <summary>A tool the model can call, by the name it is exposed under and the description the model reads.</summary>
public sealed record ToolSummary(string Name, string? Description)
{
    /// <summary>True when the name or description says the tool deletes, pays, transfers, refunds, sends…</summary>
    public bool IsSensitive => SensitiveOperations.Mentions(Name) || (Description is not null && SensitiveOperations.Mentions(Description));
}
