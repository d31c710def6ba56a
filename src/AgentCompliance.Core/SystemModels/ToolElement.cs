namespace AgentCompliance.Core.SystemModels;

/// <summary>A tool agents can call, hosted by a service (usually an MCP server).</summary>
public sealed record ToolElement : ModelElement
{
    /// <summary>The tool name as its server advertises it.</summary>
    public required string Name { get; init; }

    /// <summary>Id of the hosting service.</summary>
    public required string Server { get; init; }

    public required ToolSensitivity Sensitivity { get; init; }

    public bool RequiresHumanApproval { get; init; }
}
