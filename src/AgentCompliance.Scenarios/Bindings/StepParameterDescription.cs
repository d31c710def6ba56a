namespace AgentCompliance.Scenarios.Bindings;

/// <summary>One parameter of a step method.</summary>
/// <param name="Name">The C# parameter name.</param>
/// <param name="Type">The parameter type as C# writes it (<c>int</c>, <c>string</c>, <c>DataTable</c>).</param>
/// <param name="Description">Its <c>&lt;param&gt;</c> documentation; empty when there is none.</param>
public sealed record StepParameterDescription(string Name, string Type, string Description);
