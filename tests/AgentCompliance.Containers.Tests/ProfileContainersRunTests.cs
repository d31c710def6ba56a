using System.Text.RegularExpressions;
using AgentCompliance.Cli;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Containers.Tests;

/// <summary>
/// <c>agentcompliance run</c> with a profile that names containers, as a user runs it: the user's Cerbos image is built
/// locally from its Dockerfile, started on a run network, published on 127.0.0.1 only, probed by the bundled policy
/// scenarios through the resolved placeholder, and removed afterwards; failed starts and malformed sections end the
/// run with one clear line, and nothing the run created is left in Docker.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ProfileContainersRunTests
{
    private string _folder = null!;
    private string _cerbosContext = null!;

    [OneTimeSetUp]
    public void AssembleBuildContexts()
    {
        _folder = Directory.CreateTempSubdirectory("agentcompliance-containers-").FullName;
        _cerbosContext = DockerTestEnvironment.CerbosBuildContext(Path.Combine(_folder, "cerbos"));
    }

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_users_image_is_built_started_probed_by_the_policy_scenarios_and_removed()
    {
        var variable = $"AC_CONTAINERS_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "pdp-start-secret-4711");
        try
        {
            var profile = WriteProfile("pdp", $$"""
                version: 1
                name: containerised-pdp
                target:
                  policyDecisionPoint:
                    kind: cerbos
                    url: "http://127.0.0.1:${containers.pdp.ports.3592}/"
                agents:
                  - {name: research-agent, clientId: research-agent, allowedTools: [search_documents]}
                  - {name: support-agent, clientId: support-agent, allowedTools: [search_documents, create_ticket]}
                  - {name: billing-agent, clientId: billing-agent, allowedTools: [issue_refund]}
                containers:
                  - name: pdp
                    build:
                      context: {{_cerbosContext}}
                      buildArgs: {BASE_IMAGE: "{{DockerTestEnvironment.BaseImage}}"}
                    environment:
                      CERBOS_NO_TELEMETRY: 1
                      UNUSED_API_KEY: {env: {{variable}}}
                    ports: [{container: 3592}]
                    wait: {http: {path: /_cerbos/health, port: 3592, status: 200}, timeoutSeconds: 120}
                    networkAliases: [cerbos]
                transport: {allowInsecureLoopback: true}
                timeouts: {requestSeconds: 10, stepSeconds: 60}
                """);

            var (exitCode, output, error) = await RunAsync(profile, "--features", RepositoryLayout.PathOf("features", "policy"), "--tags", "@policy");

            var port = ReadyLine().Match(output);
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), output + error);
                Assert.That(output, Does.Contain("container pdp: built image agentcompliance-run/pdp:"));
                Assert.That(port.Success, Is.True, output);
                Assert.That(output, Does.Contain("3 passed"), output);
                Assert.That(File.ReadAllText(Path.Combine(_folder, "pdp", "out", "results.json")),
                    Does.Contain($"POST http://127.0.0.1:{port.Groups["port"].Value}/api/check/resources"));
            });
            Assert.That(await DockerTestEnvironment.ResourcesOwnedByThisProcessAsync(), Is.Empty, "the run left Docker resources behind");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public async Task A_container_that_never_becomes_ready_stops_the_run_with_one_line_naming_it_and_its_redacted_log()
    {
        var variable = $"AC_CONTAINERS_{Guid.NewGuid():N}";
        const string secret = "never-print-me-0815";
        Environment.SetEnvironmentVariable(variable, secret);
        try
        {
            var profile = WriteProfile("warmup", $$"""
                version: 1
                name: never-ready
                containers:
                  - name: warmup
                    build:
                      context: {{Path.Combine(AppContext.BaseDirectory, "Failing")}}
                      buildArgs: {BASE_IMAGE: "{{DockerTestEnvironment.BaseImage}}"}
                    environment:
                      API_KEY: {env: {{variable}}}
                    wait: {log: "^ready$", timeoutSeconds: 3}
                """);

            var (exitCode, output, error) = await RunAsync(profile, "--features", RepositoryLayout.PathOf("features", "policy"));

            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(ExitCodes.CouldNotRun), output + error);
                Assert.That(lines, Has.Length.EqualTo(1), error);
                Assert.That(error, Does.StartWith("error: could not run: container 'warmup' did not become ready: not ready within 3 s waiting for a log line matching '^ready$'"));
                Assert.That(error, Does.Contain("last log lines: starting | api key is [REDACTED] | still warming up"));
                Assert.That(output + error, Does.Not.Contain(secret));
            });
            Assert.That(await DockerTestEnvironment.ResourcesOwnedByThisProcessAsync(), Is.Empty, "the failed start left Docker resources behind");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public async Task Ctrl_C_while_a_container_starts_removes_it_and_ends_the_run_as_interrupted()
    {
        var profile = WriteProfile("interrupted", $$"""
            version: 1
            name: interrupted
            containers:
              - name: slow
                build:
                  context: {{Path.Combine(AppContext.BaseDirectory, "Failing")}}
                  buildArgs: {BASE_IMAGE: "{{DockerTestEnvironment.BaseImage}}"}
                environment: {API_KEY: not-a-secret}
                wait: {log: "^ready$", timeoutSeconds: 120}
            """);
        using var interrupt = new CancellationTokenSource();

        var run = RunAsync(profile, interrupt.Token, "--features", RepositoryLayout.PathOf("features", "policy"));
        // Ctrl-C once the run's container exists and is waited for (not during the image build, whose intermediate
        // containers the builder also labels).
        while (!run.IsCompleted && !(await DockerTestEnvironment.ResourcesOwnedByThisProcessAsync()).Any(r => r.EndsWith("-slow", StringComparison.Ordinal)))
        {
            await Task.Delay(200);
        }

        await interrupt.CancelAsync();
        var (exitCode, output, error) = await run;

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.CouldNotRun), output + error);
            Assert.That(error.Trim(), Is.EqualTo("error: could not run: interrupted"));
        });
        Assert.That(await DockerTestEnvironment.ResourcesOwnedByThisProcessAsync(), Is.Empty, "the interrupted run left Docker resources behind");
    }

    [TestCase("""
        version: 1
        name: malformed
        target:
          policyDecisionPoint:
            kind: cerbos
            url: "http://127.0.0.1:${containers.pdp.ports.3593}/"
        containers:
          - name: pdp
            image: agentcompliance/base:bookworm
            ports: [{container: 3592}]
        transport: {allowInsecureLoopback: true}
        """, "6:10: target.policyDecisionPoint.url: container 'pdp' publishes no port 3593", TestName = "A placeholder naming an unpublished port")]
    [TestCase("""
        version: 1
        name: malformed
        containers:
          - name: pdp
            image: agentcompliance/base:bookworm
            ports: [{container: 3592}]
            wait: {port: 3592, log: ready}
        """, "7:11: containers[0].wait: must give exactly one wait condition", TestName = "Two wait conditions")]
    [TestCase("""
        version: 1
        name: malformed
        containers:
          - name: pdp
            build: {context: no-such-folder}
        """, "5:22: containers[0].build.context: file or folder not found", TestName = "A build context that does not exist")]
    public async Task A_malformed_containers_section_is_an_input_error_at_its_line_and_starts_nothing(string yaml, string expected)
    {
        var profile = WriteProfile("malformed", yaml);

        var (exitCode, _, error) = await RunAsync(profile, "--features", RepositoryLayout.PathOf("features", "policy"));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(error, Does.StartWith($"{profile}:{expected}"));
            Assert.That(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1), error);
        });
        Assert.That(await DockerTestEnvironment.ResourcesOwnedByThisProcessAsync(), Is.Empty);
    }

    [Test]
    public async Task Without_Docker_a_profile_with_containers_stops_with_one_line_saying_so()
    {
        var profile = WriteProfile("no-docker", """
            version: 1
            name: no-docker
            containers:
              - name: pdp
                image: agentcompliance/base:bookworm
            """);
        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        Environment.SetEnvironmentVariable("DOCKER_HOST", $"unix://{Path.Combine(_folder, "no-docker.sock")}");
        try
        {
            var (exitCode, _, error) = await RunAsync(profile, "--features", RepositoryLayout.PathOf("features", "policy"));

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(ExitCodes.CouldNotRun));
                Assert.That(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1), error);
                Assert.That(error, Does.StartWith($"error: could not run: Docker is not available at unix://{Path.Combine(_folder, "no-docker.sock")}"));
                Assert.That(error, Does.Contain("the profile's containers need it"));
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", dockerHost);
        }
    }

    private string WriteProfile(string name, string yaml)
    {
        var folder = Path.Combine(_folder, name);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "agentcompliance.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(string profile, params string[] arguments) =>
        RunAsync(profile, CancellationToken.None, arguments);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string profile, CancellationToken cancellationToken, params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AgentComplianceApp.RunAsync(
            ["run", "--profile", profile, "--out", Path.Combine(Path.GetDirectoryName(profile)!, "out"), .. arguments], output, error, cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"container pdp: ready in [0-9.]+ s \(127\.0\.0\.1:(?<port>[0-9]+) → 3592\)")]
    private static partial Regex ReadyLine();
}
