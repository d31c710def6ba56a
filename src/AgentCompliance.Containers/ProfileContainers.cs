using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Redaction;
using Docker.DotNet;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentCompliance.Containers;

/// <summary>
/// The containers of a target profile for one run: built (when the profile says <c>build:</c>) and started in order on
/// a network of their own, each published only on 127.0.0.1 and ready by its wait condition; the profile reloaded
/// with their host ports in place of <c>${containers.NAME.ports.PORT}</c>. Disposing removes every container, the
/// network and the built images by run label — on success, failure and Ctrl-C alike.
/// </summary>
/// <example>
/// <code>
/// await using var containers = await ProfileContainers.StartAsync(profile, output, cancellationToken);
/// var resolved = containers.Profile; // endpoints now point at the mapped ports
/// </code>
/// </example>
public sealed class ProfileContainers : IAsyncDisposable
{
    private const int LogLinesShown = 5;

    private readonly RunResourceCleaner? _cleaner;
    private readonly IDockerClient? _docker;
    private bool _disposed;

    private ProfileContainers(TargetProfile? profile, RunLabels? labels, IReadOnlyDictionary<ContainerPortReference, int> hostPorts, IDockerClient? docker)
    {
        Profile = profile;
        Labels = labels;
        HostPorts = hostPorts;
        _docker = docker;
        _cleaner = docker is null ? null : new RunResourceCleaner(docker);
    }

    /// <summary>The profile with container ports resolved; the profile as given when it has no containers.</summary>
    public TargetProfile? Profile { get; private set; }

    /// <summary>The labels of this run's Docker resources; null when nothing was started.</summary>
    public RunLabels? Labels { get; }

    /// <summary>The 127.0.0.1 host port of every published container port.</summary>
    public IReadOnlyDictionary<ContainerPortReference, int> HostPorts { get; }

    /// <summary>
    /// Starts the profile's containers; without containers (or without a profile) does nothing and never touches Docker.
    /// </summary>
    /// <param name="profile">A loaded profile; it must come from a file, which is reloaded with the host ports.</param>
    /// <param name="log">One line per container built and started.</param>
    /// <param name="cancellationToken">Ctrl-C: what was started is removed before the cancellation propagates.</param>
    /// <exception cref="CouldNotRunException">Docker is missing, an image cannot be built or found, or a container is not ready in time (exit 3).</exception>
    /// <exception cref="InvalidInputException">A secret the containers' environment references cannot be read (exit 2).</exception>
    public static async Task<ProfileContainers> StartAsync(TargetProfile? profile, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (profile is null || profile.Containers.Count == 0)
        {
            return new ProfileContainers(profile, null, new Dictionary<ContainerPortReference, int>(), null);
        }

        var sourceFile = profile.SourceFile ?? throw new ArgumentException("a profile with containers must be loaded from a file", nameof(profile));

        // Secrets first: a missing one is an input error, and nothing should have been started for nothing.
        var environments = profile.Containers.ToDictionary(c => c.Name, c => c.Environment.ToDictionary(e => e.Key, e => e.Value.Resolve(), StringComparer.Ordinal), StringComparer.Ordinal);
        var secrets = new SecretRegistry();
        foreach (var container in profile.Containers)
        {
            foreach (var (name, value) in container.Environment.Where(e => e.Value.Secret is not null))
            {
                secrets.Add(environments[container.Name][name]);
            }
        }

        var apiVersion = await DockerEndpoint.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var docker = new DockerClientBuilder().WithEndpoint(DockerEndpoint.Address).WithApiVersion(apiVersion).Build();
        var labels = RunLabels.ForThisProcess();
        var hostPorts = new Dictionary<ContainerPortReference, int>();
        var run = new ProfileContainers(profile, labels, hostPorts, docker);
        var starter = new Starter(docker, labels, new Redactor(secrets), log);
        try
        {
            await run._cleaner!.SweepLeftoversAsync(cancellationToken).ConfigureAwait(false);
            var network = await starter.CreateNetworkAsync(cancellationToken).ConfigureAwait(false);
            foreach (var definition in ContainerStartOrder.Of(profile.Containers))
            {
                var container = await starter.StartAsync(definition, environments[definition.Name], network, cancellationToken).ConfigureAwait(false);
                foreach (var port in definition.Ports)
                {
                    hostPorts[new ContainerPortReference(definition.Name, port.Container)] = container.GetMappedPublicPort(port.Container);
                }
            }

            run.Profile = TargetProfileLoader.LoadWithContainerPorts(sourceFile, hostPorts);
            return run;
        }
        catch
        {
            await run.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Removes the run's containers, network and built images. Safe to call twice; never throws for cleanup.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed || _cleaner is null || Labels is null)
        {
            return;
        }

        _disposed = true;
        // Not the run's token: after Ctrl-C cleanup must still happen, within a bound of its own.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _cleaner.RemoveRunAsync(Labels.RunId, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or OperationCanceledException or TimeoutException)
        {
            // A daemon gone away leaves nothing we can remove now; the next run sweeps this run's leftovers.
        }
        finally
        {
            _docker?.Dispose();
        }
    }

    /// <summary>Builds images and starts containers for one run, with one log line each.</summary>
    private sealed class Starter(IDockerClient docker, RunLabels labels, Redactor redactor, TextWriter log)
    {
        public async Task<INetwork> CreateNetworkAsync(CancellationToken cancellationToken)
        {
            var network = new NetworkBuilder()
                .WithName($"agentcompliance-{labels.RunId}")
                .WithLogger(NullLogger.Instance)
                .WithLabel(labels.ToDictionary())
                .WithCleanUp(false)
                .Build();
            await network.CreateAsync(cancellationToken).ConfigureAwait(false);
            return network;
        }

        public async Task<IContainer> StartAsync(ContainerDefinition definition, IReadOnlyDictionary<string, string> environment, INetwork network, CancellationToken cancellationToken)
        {
            var image = definition.Build is { } build
                ? await BuildImageAsync(definition.Name, build, cancellationToken).ConfigureAwait(false)
                : await RequireLocalImageAsync(definition, cancellationToken).ConfigureAwait(false);

            var builder = new ContainerBuilder(image)
                .WithName($"agentcompliance-{labels.RunId}-{definition.Name}")
                // The run's console is for scenario results; Testcontainers' own chatter stays out of it.
                .WithLogger(NullLogger.Instance)
                .WithLabel(labels.ToDictionary())
                .WithEnvironment(environment)
                .WithNetwork(network)
                .WithNetworkAliases([.. new[] { definition.Name }.Concat(definition.NetworkAliases).Distinct(StringComparer.Ordinal)])
                .WithImagePullPolicy(_ => false)
                .WithCleanUp(false)
                // Published ports are reachable from this host only, never from the network around it.
                .WithCreateParameterModifier(parameters =>
                {
                    foreach (var binding in parameters.HostConfig?.PortBindings?.Values.SelectMany(b => b) ?? [])
                    {
                        binding.HostIP = "127.0.0.1";
                    }
                });
            foreach (var port in definition.Ports)
            {
                builder = port.Host is { } host ? builder.WithPortBinding(host, port.Container) : builder.WithPortBinding(port.Container, true);
            }

            if (WaitStrategy(definition) is { } wait)
            {
                builder = builder.WithWaitStrategy(wait);
            }

            var container = builder.Build();
            var stopwatch = Stopwatch.StartNew();
            try
            {
                await container.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new CouldNotRunException($"container '{definition.Name}' did not become ready: {Reason(definition, e)}; " +
                    $"last log lines: {await LastLogLinesAsync(container).ConfigureAwait(false)}", e);
            }

            var published = string.Join(", ", definition.Ports.Select(p => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{container.GetMappedPublicPort(p.Container)} → {p.Container}")));
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"container {definition.Name}: ready in {stopwatch.Elapsed.TotalSeconds:0.0} s{(published.Length > 0 ? $" ({published})" : string.Empty)}")).ConfigureAwait(false);
            return container;
        }

        private async Task<string> BuildImageAsync(string name, ContainerBuild build, CancellationToken cancellationToken)
        {
            var stopwatch = Stopwatch.StartNew();
            var builder = new ImageFromDockerfileBuilder()
                .WithName($"agentcompliance-run/{name.ToLowerInvariant()}:{labels.RunId}")
                .WithLogger(NullLogger.Instance)
                .WithDockerfileDirectory(build.Context)
                .WithDockerfile(build.Dockerfile ?? "Dockerfile")
                .WithLabel(labels.ToDictionary())
                .WithCleanUp(false)
                .WithDeleteIfExists(true);
            foreach (var (argument, value) in build.BuildArgs)
            {
                builder = builder.WithBuildArgument(argument, value);
            }

            var image = builder.Build();
            try
            {
                await image.CreateAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new CouldNotRunException($"could not build the image of container '{name}' from {build.Context}: {FirstLine(redactor.Redact(e.Message))}", e);
            }

            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"container {name}: built image {image.FullName} in {stopwatch.Elapsed.TotalSeconds:0.0} s")).ConfigureAwait(false);
            return image.FullName;
        }

        private async Task<string> RequireLocalImageAsync(ContainerDefinition definition, CancellationToken cancellationToken)
        {
            try
            {
                await docker.Images.InspectImageAsync(definition.Image!, cancellationToken).ConfigureAwait(false);
                return definition.Image!;
            }
            catch (DockerImageNotFoundException)
            {
                throw new CouldNotRunException($"container '{definition.Name}': image '{definition.Image}' is not on this Docker host " +
                    "(hint: nothing is pulled; build or load it first, or give 'build: {context: …}' instead)");
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                throw new CouldNotRunException($"container '{definition.Name}': image '{definition.Image}' is not on this Docker host " +
                    "(hint: nothing is pulled; build or load it first, or give 'build: {context: …}' instead)");
            }
        }

        private static IWaitForContainerOS? WaitStrategy(ContainerDefinition definition)
        {
            if (definition.Wait is not { } wait)
            {
                return null;
            }

            void Bounded(IWaitStrategy strategy) => strategy.WithTimeout(wait.Timeout);
            var strategy = Wait.ForUnixContainer();
            if (wait.Http is { } http)
            {
                var port = http.Port ?? definition.Ports.FirstOrDefault()?.Container
                    ?? throw new CouldNotRunException($"container '{definition.Name}': an HTTP wait needs a published port (hint: add 'ports' or give wait.http.port)");
                return strategy.UntilHttpRequestIsSucceeded(
                    request => request.ForPort((ushort)port).ForPath(http.Path).ForStatusCode((HttpStatusCode)http.Status), Bounded);
            }

            return wait.Port is { } listening
                ? strategy.UntilInternalTcpPortIsAvailable(listening, Bounded)
                : strategy.UntilMessageIsLogged(new Regex(wait.Log!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), Bounded);
        }

        private string Reason(ContainerDefinition definition, Exception e)
        {
            var seconds = (definition.Wait?.Timeout ?? TimeSpan.FromSeconds(ContainerWaitCondition.DefaultTimeoutSeconds)).TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            return e switch
            {
                TimeoutException => $"not ready within {seconds} s waiting for {Describe(definition.Wait)}",
                ContainerNotRunningException => "it stopped before it was ready",
                _ => FirstLine(redactor.Redact(e.Message)),
            };
        }

        private static string Describe(ContainerWaitCondition? wait) => wait switch
        {
            { Http: { } http } => string.Create(CultureInfo.InvariantCulture, $"HTTP {http.Status} from GET {http.Path}{(http.Port is { } p ? $" on port {p}" : string.Empty)}"),
            { Port: { } port } => string.Create(CultureInfo.InvariantCulture, $"port {port} to listen"),
            { Log: { } log } => $"a log line matching '{log}'",
            _ => "the container to run",
        };

        private async Task<string> LastLogLinesAsync(IContainer container)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                var (stdout, stderr) = await container.GetLogsAsync(timestampsEnabled: false, ct: timeout.Token).ConfigureAwait(false);
                var lines = (stdout + "\n" + stderr).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).TakeLast(LogLinesShown).ToList();
                return lines.Count == 0 ? "(none)" : redactor.Redact(string.Join(" | ", lines));
            }
            catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or OperationCanceledException or InvalidOperationException)
            {
                return "(unavailable)";
            }
        }

        private static string FirstLine(string text)
        {
            var line = text.Split('\n', 2)[0].Trim();
            return line.Length > 300 ? line[..300] + "…" : line;
        }
    }
}
