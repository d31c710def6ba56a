using Newtonsoft.Json;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// The target profile (agentcompliance.yaml): what to test, with which identities, which scenarios and catalogs, and
/// how the gate decides. Load it with <see cref="TargetProfileLoader"/>, which validates it and makes every relative
/// path absolute (against the profile's folder).
/// </summary>
public sealed record TargetProfile
{
    /// <summary>The editor hint '$schema', kept so a profile round-trips unchanged.</summary>
    [JsonProperty("$schema")]
    public string? Schema { get; init; }

    public required int Version { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public TargetEndpoints Target { get; init; } = new();

    public IReadOnlyList<AgentIdentity> Agents { get; init; } = [];

    public IReadOnlyList<HumanIdentity> Humans { get; init; } = [];

    public AnalysisSettings Analysis { get; init; } = new();

    /// <summary>Feature files, folders or globs.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Extra step-binding assemblies.</summary>
    public IReadOnlyList<string> Bindings { get; init; } = [];

    /// <summary>Extra control catalog files.</summary>
    public IReadOnlyList<string> Catalogs { get; init; } = [];

    /// <summary>System model file for the threat model.</summary>
    public string? SystemModel { get; init; }

    public IReadOnlyList<ContainerDefinition> Containers { get; init; } = [];

    public GateSettings Gate { get; init; } = new();

    public string? Waivers { get; init; }

    public string? Baseline { get; init; }

    public TransportSettings Transport { get; init; } = new();

    public TimeoutSettings Timeouts { get; init; } = new();

    /// <summary>The SPIFFE trust domain and bundle the agents' workload identities are checked against.</summary>
    public SpiffeSettings? Spiffe { get; init; }

    /// <summary>
    /// Container port placeholders that still read as port 0 because the containers are not running yet; empty once
    /// the profile was loaded with the host ports (<see cref="TargetProfileLoader.LoadWithContainerPorts"/>).
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<ContainerPortReference> UnresolvedContainerPorts { get; init; } = [];

    /// <summary>Absolute path of the file this profile was loaded from, when it came from a file.</summary>
    [JsonIgnore]
    public string? SourceFile { get; init; }
}
