using System.Diagnostics;
using AgentCompliance.Core.Configuration;
using Docker.DotNet.Models;

namespace AgentCompliance.Containers.Tests;

/// <summary>
/// The lifecycle as the run command uses it: what a started container looks like in Docker (published on 127.0.0.1
/// only, on the run's network under its aliases, labelled with the run), that disposing removes it, that leftovers of
/// a crashed run are swept while a live run's are kept, and that a profile without containers never needs Docker.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ProfileContainersLifecycleTests
{
    private string _folder = null!;

    [OneTimeSetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("agentcompliance-lifecycle-").FullName;

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_started_container_is_published_on_loopback_only_on_the_run_network_and_removed_on_dispose()
    {
        var profilePath = Path.Combine(_folder, "agentcompliance.yaml");
        await File.WriteAllTextAsync(profilePath, $$"""
            version: 1
            name: lifecycle
            target:
              agentGateway: {baseUrl: "http://127.0.0.1:${containers.idle.ports.8080}/"}
            containers:
              - name: idle
                build:
                  context: {{Path.Combine(AppContext.BaseDirectory, "Failing")}}
                  buildArgs: {BASE_IMAGE: "{{DockerTestEnvironment.BaseImage}}"}
                environment: {API_KEY: literal-value}
                ports: [{container: 8080}]
                wait: {log: "still warming up", timeoutSeconds: 60}
                networkAliases: [warm]
            transport: {allowInsecureLoopback: true}
            """);
        using var log = new StringWriter();
        using var docker = await DockerTestEnvironment.ClientAsync();

        ContainerInspectResponse inspected;
        string runId;
        Uri gateway;
        await using (var containers = await ProfileContainers.StartAsync(TargetProfileLoader.Load(profilePath), log, CancellationToken.None))
        {
            runId = containers.Labels!.RunId;
            gateway = containers.Profile!.Target.AgentGateway!.BaseUrl;
            inspected = await docker.Containers.InspectContainerAsync($"agentcompliance-{runId}-idle");
            Assert.That(containers.Profile.UnresolvedContainerPorts, Is.Empty);
        }

        var bindings = inspected.HostConfig!.PortBindings!["8080/tcp"]!;
        var network = inspected.NetworkSettings!.Networks![$"agentcompliance-{runId}"];
        Assert.Multiple(() =>
        {
            Assert.That(bindings.Select(b => b.HostIP), Is.EqualTo(new[] { "127.0.0.1" }));
            Assert.That(gateway.Port, Is.EqualTo(int.Parse(inspected.NetworkSettings!.Ports!["8080/tcp"]!.Single().HostPort, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(network.Aliases, Is.SupersetOf(new[] { "idle", "warm" }));
            Assert.That(inspected.Config!.Labels[RunLabels.RunKey], Is.EqualTo(runId));
            Assert.That(inspected.Config!.Env, Does.Contain("API_KEY=literal-value"));
        });
        Assert.That(await DockerTestEnvironment.ResourcesOwnedByThisProcessAsync(), Is.Empty);
    }

    [Test]
    public async Task Leftovers_of_a_dead_run_are_swept_and_a_live_runs_are_kept()
    {
        using var docker = await DockerTestEnvironment.ClientAsync();
        using var process = Process.GetCurrentProcess();
        // This process id with another start time: the process that owned it is gone and the id was reused.
        var deadOwner = RunLabels.OwnerOf(Environment.MachineName, process.Id, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var liveOwner = RunLabels.OwnerOf(Environment.MachineName, process.Id, process.StartTime);
        var dead = await CreateNetworkAsync(docker, "dead", deadOwner);
        var live = await CreateNetworkAsync(docker, "live", liveOwner);
        try
        {
            var profilePath = Path.Combine(_folder, "sweep.yaml");
            await File.WriteAllTextAsync(profilePath, $$"""
                version: 1
                name: sweep
                containers:
                  - name: idle
                    build:
                      context: {{Path.Combine(AppContext.BaseDirectory, "Failing")}}
                      buildArgs: {BASE_IMAGE: "{{DockerTestEnvironment.BaseImage}}"}
                """);
            using var log = new StringWriter();
            await using (await ProfileContainers.StartAsync(TargetProfileLoader.Load(profilePath), log, CancellationToken.None))
            {
            }

            var remaining = (await docker.Networks.ListNetworksAsync(new NetworksListParameters())).Select(n => n.ID).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(remaining, Does.Not.Contain(dead), "a dead run's network was not swept");
                Assert.That(remaining, Does.Contain(live), "a live run's network was removed");
            });
        }
        finally
        {
            await docker.Networks.DeleteNetworkAsync(live);
        }
    }

    [Test]
    public async Task A_profile_without_containers_never_touches_Docker()
    {
        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        Environment.SetEnvironmentVariable("DOCKER_HOST", $"unix://{Path.Combine(_folder, "absent.sock")}");
        try
        {
            var profile = TargetProfileLoader.LoadFromText("version: 1\nname: plain\n", Path.Combine(_folder, "plain.yaml"));
            using var log = new StringWriter();
            await using var containers = await ProfileContainers.StartAsync(profile, log, CancellationToken.None);

            Assert.Multiple(() =>
            {
                Assert.That(containers.Profile, Is.SameAs(profile));
                Assert.That(containers.Labels, Is.Null);
                Assert.That(log.ToString(), Is.Empty);
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", dockerHost);
        }
    }

    private static async Task<string> CreateNetworkAsync(Docker.DotNet.DockerClient docker, string name, string owner)
    {
        var created = await docker.Networks.CreateNetworkAsync(new NetworksCreateParameters
        {
            Name = $"agentcompliance-sweep-test-{name}-{Guid.NewGuid():N}",
            Labels = new Dictionary<string, string> { [RunLabels.RunKey] = "sweep-test", [RunLabels.OwnerKey] = owner },
        });
        return created.ID;
    }
}
