namespace AgentCompliance.Cli.Tests.Acceptance;

/// <summary>The built <c>agentcompliance</c> executable run as a separate process, the way a CI job starts it.</summary>
internal static class ToolProcess
{
    public static Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ChildProcess.RunAsync(
            Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "agentcompliance.exe" : "agentcompliance"),
            workingDirectory,
            arguments,
            environment,
            TimeSpan.FromMinutes(3));
}
