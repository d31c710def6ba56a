using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using AgentCompliance.Cli;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Containers.Tests;

/// <summary>
/// The bundled live controls against the reference platform running as a container built locally from
/// samples/reference-platform/container (the server published self-contained onto the Debian base image), started,
/// probed and removed by <c>agentcompliance run</c> through a profile's <c>containers:</c> section, in both
/// configurations. Hardened, every scenario passes; weak, exactly the controls its weaknesses break fail, with evidence.
/// Not run here: features/delegation, whose scenarios need the approving person's token before the run starts (the
/// in-process platform tests and the demo cover it), features/workload-identity and features/transport (no SVIDs, plain
/// http). The same runs in process: tests/AgentCompliance.ReferencePlatform.Tests.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReferencePlatformContainerTests
{
    private static readonly string[] Features = ["identity", "revocation", "policy", "audit", "mcp"];

    private string _folder = null!;
    private string _context = null!;

    [OneTimeSetUp]
    public async Task PublishTheServerIntoABuildContext()
    {
        _folder = Directory.CreateTempSubdirectory("agentcompliance-platform-container-").FullName;
        _context = Path.Combine(_folder, "context");
        Directory.CreateDirectory(_context);
        File.Copy(RepositoryLayout.PathOf("samples", "reference-platform", "container", "Dockerfile"), Path.Combine(_context, "Dockerfile"));

        // What the Dockerfile's comment tells users to run, into a context of the test's own.
        var server = RepositoryLayout.PathOf("samples", "reference-platform", "AgentCompliance.ReferencePlatform.Server");
        using var publish = Process.Start(new ProcessStartInfo(
            "dotnet",
            ["publish", server, "-c", "Release", "-r", "linux-x64", "--self-contained", "-o", Path.Combine(_context, "app"), "-nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.That(publish.ExitCode, Is.Zero, $"dotnet publish of the reference platform failed: {await output}{await error}");
    }

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void The_sample_container_profile_loads_and_publishes_the_platforms_three_ports()
    {
        var profile = TargetProfileLoader.Load(RepositoryLayout.PathOf("samples", "profiles", "reference-platform-containers.agentcompliance.yaml"));

        Assert.Multiple(() =>
        {
            Assert.That(profile.Containers.Select(c => c.Name), Is.EqualTo(new[] { "platform" }));
            Assert.That(profile.UnresolvedContainerPorts.Select(p => p.Port).Distinct().Order(), Is.EqualTo(new[] { 18080, 18081, 18082 }));
            Assert.That(profile.Agents.Select(a => a.ClientId), Is.EqualTo(new[] { "research-agent", "support-agent", "billing-agent" }));
        });
    }

    [Test]
    public async Task Hardened_platform_container_passes_every_applicable_live_control_but_loopback_TLS_and_is_removed()
    {
        using var run = new ContainerRun(_folder, "hardened", _context);
        var (exitCode, output, error, results) = await run.RunAsync(Features, LoopbackTlsWaivers.Write(_folder));

        Assert.Multiple(() =>
        {
            // Reached over plain http on loopback, the TLS control fails; the waiver keeps the gate green.
            Assert.That(Names(results, "failed"), Is.EqualTo(new[] { LoopbackTlsWaivers.TokenEndpointScenario }), output + error);
            Assert.That(Scenarios(results).Where(s => s.TryGetProperty("waiver", out var w) && w.ValueKind == JsonValueKind.Object).Select(s => s.GetProperty("name").GetString()), Is.EqualTo(new[] { LoopbackTlsWaivers.TokenEndpointScenario }));
            Assert.That(Names(results, "passed"), Has.Count.EqualTo(26), output + error);
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), output + error);
            Assert.That(output, Does.Match(@"container platform: ready in [0-9.]+ s"));
        });
        run.AssertNothingLeaks(output + error);
        Assert.That(await DockerTestEnvironment.ResourcesOwnedByThisProcessAsync(), Is.Empty, "the run left Docker resources behind");
    }

    [Test]
    public async Task Weak_platform_container_fails_exactly_the_controls_its_weaknesses_break_with_evidence()
    {
        using var run = new ContainerRun(_folder, "weak", _context);
        var (exitCode, output, error, results) = await run.RunAsync(Features);

        Assert.Multiple(() =>
        {
            Assert.That(Names(results, "failed"), Is.EqualTo(new[]
            {
                "A revoked agent token is rejected within seconds",
                "Access is re-evaluated after a sensitive action",
                "Agent tokens are short-lived",
                "Agent tokens grant only the agent's allowed scopes",
                "Calls outside an agent's tool set are denied and logged distinctly",
                "Data access and downstream calls carry the correlation id of their tool call",
                "Each agent is allowed exactly its own tools",
                "Each agent reaches exactly its own tools through the gateway",
                "Every agent has an identity of its own",
                "MCP servers require a valid access token",
                "MCP servers tell clients which authorization server issues their tokens",
                "The policy decision point denies by default",
                LoopbackTlsWaivers.TokenEndpointScenario,
            }.Order(StringComparer.Ordinal)), output + error);
            Assert.That(Names(results, "passed"), Has.Count.EqualTo(14), output + error);
            Assert.That(exitCode, Is.EqualTo(ExitCodes.GateFailed), output + error);
            foreach (var scenario in Scenarios(results).Where(s => s.GetProperty("status").GetString() == "failed"))
            {
                var evidence = scenario.GetProperty("steps").EnumerateArray().SelectMany(step => step.TryGetProperty("evidence", out var items) ? items.EnumerateArray() : []);
                Assert.That(evidence, Is.Not.Empty, $"'{scenario.GetProperty("name").GetString()}' failed without evidence");
            }
        });
        run.AssertNothingLeaks(output + error);
        Assert.That(await DockerTestEnvironment.ResourcesOwnedByThisProcessAsync(), Is.Empty, "the run left Docker resources behind");
    }

    private static IEnumerable<JsonElement> Scenarios(JsonDocument results) => results.RootElement.GetProperty("scenarios").EnumerateArray();

    private static List<string> Names(JsonDocument results, string status) =>
        [.. Scenarios(results).Where(s => s.GetProperty("status").GetString() == status).Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];

    /// <summary>One run: a profile for the configuration on free loopback ports, secrets exported for the container and the profile alike.</summary>
    private sealed class ContainerRun : IDisposable
    {
        private readonly string _folder;
        private readonly string _profile;
        private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);

        public ContainerRun(string parent, string configuration, string context)
        {
            _folder = Path.Combine(parent, $"{configuration}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_folder);
            var (issuer, gateway, mcp) = (FreePort(), FreePort(), FreePort());
            var weak = configuration == "weak";

            // Weak: the research and support agents share one client, as the weak platform configures them.
            string Client(string agent) => weak && agent is "research-agent" or "support-agent" ? "assistant-agent" : agent;
            string Variable(string client)
            {
                var variable = $"AC_PLATFORM_{client.Replace('-', '_').ToUpperInvariant()}_{Guid.NewGuid():N}";
                _secrets[variable] = RandomNumberGenerator.GetHexString(40, lowercase: true);
                Environment.SetEnvironmentVariable(variable, _secrets[variable]);
                return variable;
            }

            var clients = new[] { "research-agent", "support-agent", "billing-agent" }.Select(Client).Distinct().ToList();
            var variables = clients.ToDictionary(c => c, Variable);
            string Agent(string name, string authMethod, string scopes, string tools) => $$"""
                  - name: {{name}}
                    clientId: {{Client(name)}}
                    credentials: {env: {{variables[Client(name)]}} }
                    authMethod: {{(weak ? "client_secret_basic" : authMethod)}}
                    allowedScopes: [{{scopes}}]
                    allowedTools: [{{tools}}]
                    resource: "http://127.0.0.1:{{Port(mcp)}}/mcp"
                """;
            static string Port(int port) => "${containers.platform.ports." + port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
            var secretEnvironment = string.Join("\n", clients.Select(c => $"      AGENTPLATFORM_SECRET_{c.Replace('-', '_').ToUpperInvariant()}: {{env: {variables[c]}}}"));
            _profile = Path.Combine(_folder, "agentcompliance.yaml");
            File.WriteAllText(_profile, $$"""
                version: 1
                name: reference-platform-{{configuration}}-container
                target:
                  identityProvider: {issuer: "http://127.0.0.1:{{Port(issuer)}}/"}
                  agentGateway: {baseUrl: "http://127.0.0.1:{{Port(gateway)}}/"}
                  policyDecisionPoint: {kind: cerbos, url: "http://127.0.0.1:{{Port(gateway)}}/pdp/"}
                  mcpServers:
                    - name: tool-server
                      url: "http://127.0.0.1:{{Port(mcp)}}/mcp"
                      transport: streamable-http
                      expectedTools: [search_documents, create_ticket, issue_refund]
                      agent: research-agent
                      toolPinFile: {{RepositoryLayout.PathOf("samples", "reference-platform", "pins", "tool-server.json")}}
                  auditLog: {url: "http://127.0.0.1:{{Port(gateway)}}/audit/events"}
                agents:
                {{Agent("research-agent", "client_secret_basic", "documents.read", "search_documents")}}
                {{Agent("support-agent", "client_secret_post", "documents.read, tickets.write", "search_documents, create_ticket")}}
                {{Agent("billing-agent", "client_secret_basic", "refunds.issue", "issue_refund")}}
                humans:
                  - {name: refund-approver, subject: alice.approver}
                containers:
                  - name: platform
                    build: {context: {{context}}, buildArgs: {BASE_IMAGE: "{{DockerTestEnvironment.BaseImage}}" } }
                    environment:
                      AGENTPLATFORM_CONFIGURATION: {{configuration}}
                      AGENTPLATFORM_ISSUER_PORT: {{issuer}}
                      AGENTPLATFORM_GATEWAY_PORT: {{gateway}}
                      AGENTPLATFORM_MCP_PORT: {{mcp}}
                {{secretEnvironment}}
                    ports:
                      - {container: {{issuer}}, host: {{issuer}} }
                      - {container: {{gateway}}, host: {{gateway}} }
                      - {container: {{mcp}}, host: {{mcp}} }
                    wait: {http: {path: /.well-known/openid-configuration, port: {{issuer}}, status: 200 }, timeoutSeconds: 120}
                transport: {allowInsecureLoopback: true}
                timeouts: {requestSeconds: 10, stepSeconds: 60}
                """);
        }

        private string OutputDirectory => Path.Combine(_folder, "out");

        public async Task<(int ExitCode, string Output, string Error, JsonDocument Results)> RunAsync(IEnumerable<string> features, string? waivers = null)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            string[] arguments =
            [
                "run", "--profile", _profile, "--out", OutputDirectory, .. features.SelectMany(f => new[] { "--features", RepositoryLayout.PathOf("features", f) }),
                .. waivers is null ? Array.Empty<string>() : ["--waivers", waivers],
            ];
            var exitCode = await AgentComplianceApp.RunAsync(arguments, output, error, CancellationToken.None);
            var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(OutputDirectory, "results.json")));
            return (exitCode, output.ToString(), error.ToString(), results);
        }

        /// <summary>No client secret and no issued token (a JWT) in any output file or the console.</summary>
        public void AssertNothingLeaks(string console) => LeakCheck.AssertNothingLeaks(OutputDirectory, console, _secrets.Values);

        public void Dispose()
        {
            foreach (var variable in _secrets.Keys)
            {
                Environment.SetEnvironmentVariable(variable, null);
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
