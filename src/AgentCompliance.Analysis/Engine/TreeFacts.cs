namespace AgentCompliance.Analysis.Engine;

/// <summary>Codebase-wide facts one tree contributes; merged into a <see cref="CodebaseIndex"/> after the first pass.</summary>
internal sealed class TreeFacts
{
    public HashSet<string> ToolTargetNames { get; } = new(StringComparer.Ordinal);

    public List<ToolSummary> AttributeTools { get; } = [];

    /// <summary>Methods with a [Description] but no tool attribute: tools only if a factory names them.</summary>
    public List<ToolSummary> DescribedMethods { get; } = [];

    public bool HasApprovalGate { get; set; }

    public bool HasAuditingInvocationFilter { get; set; }

    public bool HasAuthentication { get; set; }

    public bool HasFallbackAuthorizationPolicy { get; set; }
}
