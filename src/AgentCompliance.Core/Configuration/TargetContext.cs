namespace AgentCompliance.Core.Configuration;

/// <summary>
/// What a run is pointed at, handed to step bindings by context injection. The scenario engine registers the loaded
/// profile here; without <c>--profile</c> the profile is null and steps that need one fail with a clear message.
/// </summary>
public sealed class TargetContext
{
    public TargetProfile? Profile { get; set; }

    /// <summary>The profile, or a failure that tells the user how to provide one.</summary>
    public TargetProfile RequireProfile() =>
        Profile ?? throw new InvalidOperationException("this step needs a target profile: run with --profile agentcompliance.yaml");
}
