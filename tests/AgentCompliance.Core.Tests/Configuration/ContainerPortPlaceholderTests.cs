using AgentCompliance.Core.Configuration;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Configuration;

/// <summary>
/// <c>${containers.NAME.ports.PORT}</c> in a profile becomes the host port the container got: unresolved (port 0,
/// listed as pending) until the containers run, then the mapped port everywhere it is used.
/// </summary>
public sealed class ContainerPortPlaceholderTests
{
    private const string Profile = """
        version: 1
        name: containers
        target:
          policyDecisionPoint:
            kind: cerbos
            url: "http://127.0.0.1:${containers.pdp.ports.3592}/"
          agentGateway:
            baseUrl: "http://127.0.0.1:${containers.gateway.ports.8080}/gw/"
          mcpServers:
            - name: tools
              url: "http://127.0.0.1:${containers.gateway.ports.9090}/mcp?pdp=${containers.pdp.ports.3592}"
        containers:
          - name: pdp
            image: cerbos:local
            ports: [{container: 3592}, {container: 3593}]
            environment:
              CERBOS_NO_TELEMETRY: 1
              DEBUG: true
              API_KEY: {env: PDP_API_KEY}
          - name: gateway
            build: {context: ., buildArgs: {POLICY: hardened}}
            ports: [{container: 8080}, {container: 9090}]
            dependsOn: [pdp]
        transport: {allowInsecureLoopback: true}
        """;

    private static readonly Dictionary<ContainerPortReference, int> HostPorts = new()
    {
        [new ContainerPortReference("pdp", 3592)] = 41001,
        [new ContainerPortReference("pdp", 3593)] = 41002,
        [new ContainerPortReference("gateway", 8080)] = 41003,
        [new ContainerPortReference("gateway", 9090)] = 41004,
    };

    [Test]
    public void Before_the_containers_run_placeholders_read_as_port_zero_and_are_listed_as_unresolved()
    {
        var profile = TargetProfileLoader.LoadFromText(Profile, Path.Combine(Path.GetTempPath(), "agentcompliance.yaml"));

        Assert.Multiple(() =>
        {
            Assert.That(profile.Target.PolicyDecisionPoint!.Url, Is.EqualTo(new Uri("http://127.0.0.1:0/")));
            Assert.That(profile.UnresolvedContainerPorts, Is.EquivalentTo(new[]
            {
                new ContainerPortReference("pdp", 3592),
                new ContainerPortReference("gateway", 8080),
                new ContainerPortReference("gateway", 9090),
            }));
        });
    }

    [Test]
    public void With_the_host_ports_every_use_is_replaced_and_nothing_stays_unresolved()
    {
        var profile = TargetProfileLoader.LoadFromText(Profile, Path.Combine(Path.GetTempPath(), "agentcompliance.yaml"), HostPorts);

        Assert.Multiple(() =>
        {
            Assert.That(profile.Target.PolicyDecisionPoint!.Url, Is.EqualTo(new Uri("http://127.0.0.1:41001/")));
            Assert.That(profile.Target.AgentGateway!.BaseUrl, Is.EqualTo(new Uri("http://127.0.0.1:41003/gw/")));
            Assert.That(profile.Target.McpServers[0].Url, Is.EqualTo(new Uri("http://127.0.0.1:41004/mcp?pdp=41001")));
            Assert.That(profile.UnresolvedContainerPorts, Is.Empty);
        });
    }

    [Test]
    public void Container_settings_are_read_with_literals_as_text_and_secrets_as_references()
    {
        var profile = TargetProfileLoader.LoadFromText(Profile, Path.Combine(Path.GetTempPath(), "agentcompliance.yaml"));
        var pdp = profile.Containers[0];

        Assert.Multiple(() =>
        {
            Assert.That(pdp.Environment["CERBOS_NO_TELEMETRY"].Literal, Is.EqualTo("1"));
            Assert.That(pdp.Environment["DEBUG"].Literal, Is.EqualTo("true"));
            Assert.That(pdp.Environment["API_KEY"].Secret, Is.EqualTo(SecretReference.FromEnvironment("PDP_API_KEY")));
            Assert.That(pdp.Wait, Is.Null);
            Assert.That(profile.Containers[1].Build!.Context, Is.EqualTo(Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.GetTempPath()))));
            Assert.That(profile.Containers[1].Build!.BuildArgs["POLICY"], Is.EqualTo("hardened"));
        });
    }

    [Test]
    public void A_text_lists_the_container_ports_it_refers_to()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ContainerPortPlaceholders.FindIn("http://127.0.0.1:${containers.my.app-1.ports.80}/x"),
                Is.EqualTo(new[] { new ContainerPortReference("my.app-1", 80) }));
            Assert.That(ContainerPortPlaceholders.FindIn("${containers.a.ports.1}-${containers.b.ports.65535}"),
                Is.EqualTo(new[] { new ContainerPortReference("a", 1), new ContainerPortReference("b", 65535) }));
            Assert.That(ContainerPortPlaceholders.FindIn("https://${containers.a.host}/ and ${containers.a.ports.0}"), Is.Empty);
            Assert.That(new ContainerPortReference("pdp", 3592).ToString(), Is.EqualTo("${containers.pdp.ports.3592}"));
        });
    }

    [Test]
    public void A_missing_host_port_for_a_used_placeholder_is_a_harness_error_not_a_silent_zero()
    {
        var incomplete = HostPorts.Where(p => p.Key.Container == "pdp").ToDictionary(p => p.Key, p => p.Value);

        Assert.That(() => TargetProfileLoader.LoadFromText(Profile, Path.Combine(Path.GetTempPath(), "agentcompliance.yaml"), incomplete),
            Throws.InvalidOperationException.With.Message.Contains("${containers.gateway.ports.8080}"));
    }
}
