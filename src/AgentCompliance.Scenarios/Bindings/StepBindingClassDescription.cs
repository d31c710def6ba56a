namespace AgentCompliance.Scenarios.Bindings;

/// <summary>A [Binding] class and its step definitions: the unit the step reference groups steps by.</summary>
public sealed record StepBindingClassDescription
{
    public required string AssemblyName { get; init; }

    public required string FullName { get; init; }

    public required string Name { get; init; }

    /// <summary>The class's <c>&lt;summary&gt;</c>; empty when undocumented.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>In declaration order.</summary>
    public required IReadOnlyList<StepDefinitionDescription> Steps { get; init; }
}
