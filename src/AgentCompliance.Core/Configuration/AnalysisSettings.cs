namespace AgentCompliance.Core.Configuration;

/// <summary>Agent source code to analyse with Roslyn.</summary>
public sealed record AnalysisSettings
{
    /// <summary>Folders, .csproj or .sln files (absolute once loaded from a profile).</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];
}
