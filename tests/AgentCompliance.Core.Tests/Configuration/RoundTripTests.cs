using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.SystemModels;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Configuration;

/// <summary>
/// Loading, serialising and loading again loses nothing: the serialised form carries every key and value of the
/// source file, and a second round trip is identical to the first.
/// </summary>
public sealed class RoundTripTests
{
    private const string FullProfile = """
        $schema: ../schema/profile.schema.json
        version: 1
        name: everything
        description: Uses every key of the profile schema.
        target:
          identityProvider:
            issuer: https://idp.test/
            tokenEndpoint: https://idp.test/token
            introspectionEndpoint: https://idp.test/introspect
            revocationEndpoint: https://idp.test/revoke
            jwksUri: https://idp.test/jwks
            tokenEndpointAuthMethod: private_key_jwt
          agentGateway: {baseUrl: "https://gateway.test/", toolPath: "mcp/{tool}/call", correlationHeader: X-Request-Id}
          policyDecisionPoint:
            kind: http
            url: https://pdp.test/check
            resourceKind: mcp_tool
            action: call
            principalRoles: [agent, tool-user]
            sensitiveActionAttribute: {name: riskScore, of: resource, before: 10, after: 90}
          mcpServers:
            - name: tools
              url: https://mcp.test/mcp
              transport: sse
              expectedTools: [search, write]
              agent: planner
              toolPinFile: pins/tools.json
          auditLog:
            file: logs/audit.jsonl
            schema: schemas/audit-event.json
            fields: {agent: actor.id, tool: tool, action: act, resource: target, decision: outcome, reason: why, timestamp: ts, correlationId: trace.id, eventType: kind}
            maxBytes: 65536
        agents:
          - name: planner
            clientId: planner-client
            credentials: {file: secrets/planner.key}
            authMethod: private_key_jwt
            allowedScopes: [a, b]
            allowedTools: [search]
            resource: https://mcp.test/mcp
            audience: mcp
            spiffeId: spiffe://example.test/agents/planner
            svid: {file: certs/planner.pem, jwt: {env: PLANNER_JWT_SVID}}
          - name: researcher
            clientId: researcher-client
            svid: {endpoint: "https://researcher.test:8443/"}
        humans:
          - name: approver
            subject: alice
            subjectToken: {env: APPROVER_TOKEN}
        analysis:
          paths: [src/Agents]
        features: [features/**/*.feature]
        bindings: [bin/Extra.Steps.dll]
        catalogs: [catalogs/extra.json]
        systemModel: model.yaml
        containers:
          - name: idp
            image: registry.test/idp@sha256:0123
            environment:
              LOG_LEVEL: debug
              Mixed_Case: kept
              ADMIN_PASSWORD: {env: IDP_ADMIN_PASSWORD}
            ports:
              - container: 8080
                host: 18080
              - container: 9090
            wait: {http: {path: /healthz, port: 9090, status: 204}, timeoutSeconds: 30}
            networkAliases: [idp]
          - name: agent
            build: {context: ./agent, dockerfile: Dockerfile.test, buildArgs: {VERSION: "1.2"}}
            wait: {log: "ready"}
            dependsOn: [idp]
        gate:
          mode: report-only
          failOnSeverity: medium
          requiredControls: [ASI03, NHI7, GOVERN 1.1]
          minPassRate: {asi: 0.9, nhi: 1, maestro: 0.5, nist-ai-rmf: 0.75}
          failOn: new
        waivers: waivers.yaml
        baseline: baseline.json
        transport: {allowInsecureLoopback: false, trustedCaFile: certs/internal-ca.pem}
        timeouts: {requestSeconds: 5, stepSeconds: 30}
        spiffe:
          trustDomain: example.test
          bundle: {url: "https://spire.example.test/bundle"}
          clientCertificate: {certificate: certs/harness.pem, key: {env: HARNESS_KEY}}
        """;

    [Test]
    public void Full_profile_round_trips()
    {
        AssertRoundTrip<TargetProfile>(FullProfile, "full.yaml", SchemaResources.Profile);
    }

    [Test]
    public void Demo_profile_round_trips()
    {
        AssertRoundTrip<TargetProfile>(File.ReadAllText(SamplePaths.DemoProfile), "demo.yaml", SchemaResources.Profile);
    }

    [Test]
    public void Reference_system_model_round_trips()
    {
        AssertRoundTrip<SystemModel>(File.ReadAllText(SamplePaths.ReferenceSystemModel), "model.yaml", SchemaResources.SystemModel);
    }

    [Test]
    public void Full_profile_maps_onto_the_records()
    {
        var profile = SchemaValidatedDocumentLoader.LoadFromText<TargetProfile>(FullProfile, "full.yaml", SchemaResources.Profile);

        Assert.Multiple(() =>
        {
            Assert.That(profile.Target.IdentityProvider!.TokenEndpointAuthMethod, Is.EqualTo(ClientAuthenticationMethod.PrivateKeyJwt));
            Assert.That(profile.Target.McpServers[0].Transport, Is.EqualTo(McpTransport.Sse));
            Assert.That(profile.Target.McpServers[0].Agent, Is.EqualTo("planner"));
            Assert.That(profile.Target.McpServers[0].ToolPinFile, Is.EqualTo("pins/tools.json"));
            Assert.That(profile.Agents[0].Credentials, Is.EqualTo(SecretReference.FromFile("secrets/planner.key")));
            Assert.That(profile.Humans[0].SubjectToken, Is.EqualTo(SecretReference.FromEnvironment("APPROVER_TOKEN")));
            Assert.That(profile.Containers[0].Environment["Mixed_Case"], Is.EqualTo(ContainerEnvironmentValue.FromLiteral("kept")));
            Assert.That(profile.Containers[0].Environment["ADMIN_PASSWORD"].Secret, Is.EqualTo(SecretReference.FromEnvironment("IDP_ADMIN_PASSWORD")));
            Assert.That(profile.Containers[0].Wait!.Http, Is.EqualTo(new ContainerHttpWait { Path = "/healthz", Port = 9090, Status = 204 }));
            Assert.That(profile.Containers[1].Build!.BuildArgs["VERSION"], Is.EqualTo("1.2"));
            Assert.That(profile.Containers[0].Ports[1].Host, Is.Null);
            Assert.That(profile.Containers[1].Build!.Dockerfile, Is.EqualTo("Dockerfile.test"));
            Assert.That(profile.Gate.Mode, Is.EqualTo(GateMode.ReportOnly));
            Assert.That(profile.Gate.FailOnSeverity, Is.EqualTo(SeverityThreshold.Medium));
            Assert.That(profile.Gate.MinPassRate.NistAiRmf, Is.EqualTo(0.75));
            Assert.That(profile.Gate.FailOn, Is.EqualTo(GateFailOn.New));
            Assert.That(profile.Timeouts.Request, Is.EqualTo(TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public void Defaults_apply_when_sections_are_absent()
    {
        var profile = SchemaValidatedDocumentLoader.LoadFromText<TargetProfile>("version: 1\nname: minimal\n", "min.yaml", SchemaResources.Profile);

        Assert.Multiple(() =>
        {
            Assert.That(profile.Gate.Mode, Is.EqualTo(GateMode.Enforce));
            Assert.That(profile.Gate.FailOnSeverity, Is.EqualTo(SeverityThreshold.High));
            Assert.That(profile.Transport.AllowInsecureLoopback, Is.False);
            Assert.That(profile.Timeouts.RequestSeconds, Is.EqualTo(10));
            Assert.That(profile.Agents, Is.Empty);
            Assert.That(profile.Target.IdentityProvider, Is.Null);
        });
    }

    private static void AssertRoundTrip<T>(string text, string fileName, string schema)
    {
        var source = SchemaValidatedDocumentLoader.ReadDocumentFromText(text, fileName, schema).Root;
        var firstJson = SchemaValidatedDocumentLoader.ToJson(SchemaValidatedDocumentLoader.LoadFromText<T>(text, fileName, schema));
        var secondJson = SchemaValidatedDocumentLoader.ToJson(SchemaValidatedDocumentLoader.LoadFromText<T>(firstJson, "round-trip.json", schema));

        Assert.That(secondJson, Is.EqualTo(firstJson));
        AssertCarries(JToken.Parse(firstJson), source);
    }

    // Every key and value of the source must be in the serialised form (which may add defaults).
    private static void AssertCarries(JToken actual, JToken expected)
    {
        switch (expected)
        {
            case JObject expectedObject:
                Assert.That(actual, Is.InstanceOf<JObject>(), expected.Path);
                foreach (var property in expectedObject.Properties())
                {
                    var actualValue = ((JObject)actual)[property.Name];
                    Assert.That(actualValue, Is.Not.Null, $"'{property.Value.Path}' was lost");
                    AssertCarries(actualValue!, property.Value);
                }

                break;
            case JArray expectedArray:
                Assert.That(actual, Is.InstanceOf<JArray>().With.Count.EqualTo(expectedArray.Count), expected.Path);
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertCarries(actual[i]!, expectedArray[i]);
                }

                break;
            default:
                Assert.That(actual.ToString(), Is.EqualTo(expected.ToString()).Or.EqualTo(expected + ".0"), expected.Path);
                break;
        }
    }
}
