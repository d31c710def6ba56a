using System.Diagnostics;

namespace AgentCompliance.Cli.Tests;

/// <summary>
/// A program run as a separate process, as a user or a CI job starts it: its own working directory and arguments, the
/// given environment variables, output captured. Variables of a CI job running this test suite (GITHUB_*, CI) are
/// not inherited, so the program never writes to the suite's own job summary or annotations.
/// </summary>
internal static class ChildProcess
{
    private static readonly TimeSpan DefaultBound = TimeSpan.FromMinutes(10);

    public static async Task<CliRun> RunAsync(
        string fileName, string workingDirectory, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>>? environment = null, TimeSpan? bound = null)
    {
        var start = new ProcessStartInfo(fileName)
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

        foreach (var inherited in start.Environment.Keys.Where(key => key.StartsWith("GITHUB_", StringComparison.Ordinal) || key == "CI").ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var limit = bound ?? DefaultBound;
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertionException($"{fileName} {string.Join(' ', arguments)} did not finish within {limit.TotalMinutes} minutes");
        }

        return new CliRun(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}
