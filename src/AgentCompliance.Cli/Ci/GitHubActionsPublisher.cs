using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Ci;

namespace AgentCompliance.Cli.Ci;

/// <summary>
/// Publishes a gated run to the CI it runs in: appends the Markdown job summary to <c>--ci-summary FILE</c> or, on
/// GitHub Actions, to the file <c>GITHUB_STEP_SUMMARY</c> names; when <c>GITHUB_ACTIONS=true</c>, writes the
/// annotations as workflow commands to stdout. The environment is passed in, so tests never read the real one.
/// </summary>
internal static class GitHubActionsPublisher
{
    public const string SummaryVariable = "GITHUB_STEP_SUMMARY";
    public const string ActionsVariable = "GITHUB_ACTIONS";

    /// <returns>The summary file written, if any.</returns>
    public static async Task<string?> PublishAsync(
        RunResult gated, IReadOnlyList<string> reportFiles, Func<string, string> artifactPath, string? summaryPath,
        Func<string, string?> environment, TextWriter output, TextWriter error)
    {
        if (string.Equals(environment(ActionsVariable), "true", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var line in GitHubAnnotations.Build(gated, artifactPath))
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        var summaryFile = summaryPath ?? (environment(SummaryVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null);
        if (summaryFile is null)
        {
            return null;
        }

        var markdown = GitHubJobSummary.Build(gated, new JobSummaryOptions { ArtifactPath = artifactPath, ReportFiles = reportFiles });
        try
        {
            // Appended, as GitHub expects: earlier steps of the job may have written their own part.
            await File.AppendAllTextAsync(summaryFile, markdown + "\n").ConfigureAwait(false);
            return summaryFile;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The reports are written and the gate has decided; a summary that cannot be written must not change the exit code.
            await error.WriteLineAsync($"warning: cannot write the CI job summary {summaryFile}: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }
}
