namespace AgentCompliance.Core.Tests;

internal static class SamplePaths
{
    public static string DemoProfile => RepositoryLayout.PathOf("samples", "profiles", "demo.agentcompliance.yaml");

    public static string ReferenceSystemModel => RepositoryLayout.PathOf("samples", "system-models", "reference-platform.yaml");
}
