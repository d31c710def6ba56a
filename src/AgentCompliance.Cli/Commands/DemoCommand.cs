using System.CommandLine;
using AgentCompliance.Cli.Demo;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Results;
using AgentCompliance.ReferencePlatform;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// <c>agentcompliance demo [--configuration weak|hardened] [--out DIR]</c>: starts the reference agent platform in
/// process on 127.0.0.1, runs the whole bundled control library against it — live probes of the running platform,
/// design review of its system model, analysis of the weak sample agent — and writes the reports. Report-only: it exits
/// 0 when the run completed, whatever failed. The platform is stopped on every way out, Ctrl-C included.
/// </summary>
public static class DemoCommand
{
    public const string DefaultOutputDirectory = "reports/demo";

    public static Command Create(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var configuration = new Option<string>("--configuration")
        {
            Description = "Which reference platform to start: weak (shows real failures) or hardened.",
            HelpName = "weak|hardened",
            DefaultValueFactory = _ => PlatformConfiguration.WeakName,
        };
        configuration.AcceptOnlyFromAmong(PlatformConfiguration.WeakName, PlatformConfiguration.HardenedName);
        var outDirectory = new Option<string>("--out") { Description = $"Output folder. Default: {DefaultOutputDirectory}/", HelpName = "DIR", DefaultValueFactory = _ => DefaultOutputDirectory };
        var command = new Command("demo", "Start the reference agent platform in process and run the bundled control library against it (needs only the .NET SDK).")
        {
            configuration, outDirectory,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (_, exitCode) = await ExecuteAsync(
                PlatformConfiguration.FromName(parseResult.GetValue(configuration)!),
                parseResult.GetValue(outDirectory)!,
                output,
                parseResult.InvocationConfiguration.Error,
                cancellationToken).ConfigureAwait(false);
            return exitCode;
        });
        return command;
    }

    /// <summary>Starts the platform, runs, writes the reports, stops the platform; returns the run and the exit code.</summary>
    public static async Task<(RunResult Result, int ExitCode)> ExecuteAsync(PlatformConfiguration configuration, string outputDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var repository = DemoRepository.Locate(Environment.CurrentDirectory);
        await output.WriteLineAsync($"starting the reference platform ({configuration.Name}) on 127.0.0.1").ConfigureAwait(false);
        var secrets = Directory.CreateTempSubdirectory("agentcompliance-demo-");
        try
        {
            await using var platform = await ReferencePlatformHost.StartAsync(configuration, PlatformListenOptions.Loopback, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"token service {platform.Endpoints.Issuer}, gateway {platform.Endpoints.Gateway}, MCP server {platform.Endpoints.Mcp}").ConfigureAwait(false);
            var profile = await ReferencePlatformProfile.CreateAsync(platform, secrets.FullName, repository.ToolPin, cancellationToken).ConfigureAwait(false);
            profile = profile with
            {
                Features = [repository.Features],
                SystemModel = repository.SystemModel,
                Analysis = new AnalysisSettings { Paths = [repository.WeakAgent] },
                Catalogs = [repository.Catalog],
                Gate = new GateSettings { Mode = GateMode.ReportOnly },
            };
            var options = new RunCommandOptions(null, [], [], null, 1, null, outputDirectory, ReportOnly: true, repository.Templates, Profile: profile);
            var (result, exitCode) = await RunCommand.ExecuteAsync(options, output, error, cancellationToken).ConfigureAwait(false);
            var report = Path.Combine(outputDirectory, "threat-model.html");
            await output.WriteLineAsync($"report: {report} ({result.Summary.Failed} failed, {result.Summary.Passed} passed of {result.Summary.Total} scenarios against the {configuration.Name} platform)").ConfigureAwait(false);
            return (result, exitCode);
        }
        finally
        {
            try
            {
                secrets.Delete(recursive: true);
            }
            catch (IOException)
            {
                // The secrets die with the platform that issued them; a leftover folder holds nothing usable.
            }
        }
    }
}
