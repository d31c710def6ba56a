using AgentCompliance.Core.Results;

namespace AgentCompliance.Core.Gating;

/// <summary>One scenario compared across two runs; a status is null on the side where the scenario did not exist.</summary>
public sealed record ScenarioChange(string Fingerprint, string Id, string Name, string? Example, ResultStatus? Before, ResultStatus? After)
{
    /// <summary>Name with the example row, as people read it.</summary>
    public string DisplayName => Example is null ? Name : $"{Name} [{Example}]";
}
