using System.CommandLine;
using AgentCompliance.Cli.Commands;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Cli;

/// <summary>
/// Builds the command tree and maps every outcome to a documented exit code: usage errors and invalid files exit 2
/// with one line per problem, harness failures exit 3, and no path prints a stack trace
/// (set AGENTCOMPLIANCE_DEBUG=1 to see one).
/// </summary>
public static class AgentComplianceApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var root = BuildRootCommand(output);
        // Response files are off: a token starting with '@' is a tag (--tags @smoke), not a file to expand.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message} (hint: agentcompliance --help)").ConfigureAwait(false);
            }

            return ExitCodes.InvalidInput;
        }

        try
        {
            // After Ctrl-C, cleanup hooks (AfterScenario, AfterTestRun) and the final result files get time to finish.
            var configuration = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = TimeSpan.FromSeconds(15),
            };
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidInputException invalid)
        {
            foreach (var problem in invalid.Problems)
            {
                await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.InvalidInput;
        }
        catch (CouldNotRunException couldNotRun)
        {
            await error.WriteLineAsync($"error: could not run: {couldNotRun.Message}").ConfigureAwait(false);
            return ExitCodes.CouldNotRun;
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C in a command that does not turn cancellation into a partial result of its own (analyze, steps).
            await error.WriteLineAsync("error: could not run: interrupted").ConfigureAwait(false);
            return ExitCodes.CouldNotRun;
        }
        catch (Exception unexpected)
        {
            var detail = Environment.GetEnvironmentVariable("AGENTCOMPLIANCE_DEBUG") == "1" ? unexpected.ToString() : unexpected.Message;
            await error.WriteLineAsync($"error: internal error: {detail} (hint: set AGENTCOMPLIANCE_DEBUG=1 for details, and report it)").ConfigureAwait(false);
            return ExitCodes.CouldNotRun;
        }
    }

    internal static RootCommand BuildRootCommand(TextWriter output)
    {
        var root = new RootCommand(
            "AgentCompliance: compliance-as-code tests and threat models for AI-agent deployments " +
            "(OWASP ASI Top 10, OWASP NHI Top 10, CSA MAESTRO, NIST AI RMF).");
        foreach (var command in CommandCatalog.Create(output))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
