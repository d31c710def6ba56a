namespace AgentCompliance.Analysis.Engine;

/// <summary>
/// Facts about the whole analysed codebase, known before tool rules and end-of-analysis rules run: which methods
/// are exposed as tools, and whether approval filters, auditing filters and authentication exist anywhere.
/// </summary>
public sealed class CodebaseIndex
{
    internal CodebaseIndex(IEnumerable<TreeFacts> facts)
    {
        var targetNames = new HashSet<string>(StringComparer.Ordinal);
        var tools = new List<ToolSummary>();
        var described = new List<ToolSummary>();
        foreach (var fact in facts)
        {
            targetNames.UnionWith(fact.ToolTargetNames);
            tools.AddRange(fact.AttributeTools);
            described.AddRange(fact.DescribedMethods);
            HasApprovalGate |= fact.HasApprovalGate;
            HasAuditingInvocationFilter |= fact.HasAuditingInvocationFilter;
            HasAuthentication |= fact.HasAuthentication;
            HasFallbackAuthorizationPolicy |= fact.HasFallbackAuthorizationPolicy;
        }

        // A described method is a tool when a factory registers it; a bare method group still exposes its name.
        tools.AddRange(described.Where(method => targetNames.Contains(method.Name)));
        var named = tools.Select(tool => tool.Name).ToHashSet(StringComparer.Ordinal);
        tools.AddRange(targetNames.Where(name => !named.Contains(name)).Select(name => new ToolSummary(name, null)));
        ToolTargetNames = targetNames;
        Tools = tools.DistinctBy(tool => (tool.Name, tool.Description)).OrderBy(tool => tool.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Method names passed as method groups to <c>AIFunctionFactory.Create</c>, <c>KernelFunctionFactory.CreateFromMethod</c>…</summary>
    public IReadOnlySet<string> ToolTargetNames { get; }

    /// <summary>Every tool found: attribute tools, factory targets and factory lambdas.</summary>
    public IReadOnlyList<ToolSummary> Tools { get; }

    public IEnumerable<ToolSummary> SensitiveTools => Tools.Where(tool => tool.IsSensitive);

    /// <summary>An <c>IFunctionInvocationFilter</c>/<c>IAutoFunctionInvocationFilter</c>, <c>ApprovalRequiredAIFunction</c> or approval request handling exists.</summary>
    public bool HasApprovalGate { get; }

    /// <summary>A function-invocation filter writes logs, so every tool call is audited in one place.</summary>
    public bool HasAuditingInvocationFilter { get; }

    /// <summary><c>AddAuthentication</c>, <c>AddJwtBearer</c> or a similar scheme is configured.</summary>
    public bool HasAuthentication { get; }

    /// <summary>An authorization fallback policy makes every endpoint require an authenticated caller.</summary>
    public bool HasFallbackAuthorizationPolicy { get; }
}
