using System.Diagnostics;

namespace AgentCompliance.Cli.Tests.Acceptance;

/// <summary>
/// The built <c>agentcompliance</c> executable run as a separate process, the way a CI job starts it: its own working
/// directory and environment (the CI variables given, none inherited from the machine running the tests).
/// </summary>
internal sealed record ToolProcess(int ExitCode, string Output, string Error)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    public static async Task<ToolProcess> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "agentcompliance.exe" : "agentcompliance");
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A test run inside a CI job must not hand the job's own summary file or annotations mode to the tool.
        foreach (var inherited in start.Environment.Keys.Where(key => key.StartsWith("GITHUB_", StringComparison.Ordinal) || key == "CI").ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertionException($"agentcompliance {string.Join(' ', arguments)} did not finish within {Bound.TotalMinutes} minutes");
        }

        return new ToolProcess(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
