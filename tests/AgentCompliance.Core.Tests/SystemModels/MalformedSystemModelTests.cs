using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.SystemModels;
using AgentCompliance.Core.Tests.Configuration;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.SystemModels;

/// <summary>Schema and reference problems in a system model are reported at the offending node.</summary>
public sealed class MalformedSystemModelTests
{
    private static readonly MalformedInputCase[] All =
    [
        new("duplicate id across element kinds", """
            version: 1
            name: m
            agents:
              - id: shared
                name: Agent
            humans:
              - id: shared
                name: Person
            """, 7, 9, "humans[0].id: duplicate id", "already used by an agent at line 4", "model.yaml"),

        new("flow to an unknown element", """
            version: 1
            name: m
            agents:
              - id: planner
                name: Planner
            services:
              - id: gateway
                name: Gateway
                kind: agent-gateway
            flows:
              - id: f1
                from: planner
                to: gatway
                protocol: https
                authentication: oauth2
                authorization: static
                logging: local
            """, 13, 9, "flows[0].to: refers to an id that is not defined", "did you mean 'gateway'?", "model.yaml"),

        new("tool hosted by an agent", """
            version: 1
            name: m
            agents:
              - id: planner
                name: Planner
            tools:
              - id: search
                name: search
                server: planner
                sensitivity: read
            """, 9, 13, "tools[0].server: must refer to a service, but this id is an agent", FileName: "model.yaml"),

        new("identity used by a tool", """
            version: 1
            name: m
            services:
              - id: mcp
                name: MCP
                kind: mcp-server
            tools:
              - id: search
                name: search
                server: mcp
                sensitivity: read
            identities:
              - id: svc
                name: svc
                kind: service-account
                usedBy: [search]
            """, 16, 14, "identities[0].usedBy[0]: must refer to an agent or human, but this id is a tool", FileName: "model.yaml"),

        new("unknown MAESTRO layer", """
            version: 1
            name: m
            services:
              - id: gw
                name: Gateway
                kind: agent-gateway
                maestroLayers: [L4, L8]
            """, 7, 25, "services[0].maestroLayers[1]: is not one of the allowed values", "allowed values: L1, L2, L3, L4, L5, L6, L7", "model.yaml"),

        new("trust boundary containing itself", """
            version: 1
            name: m
            trustBoundaries:
              - id: net
                name: Network
                kind: network
                contains: [net]
            """, 7, 16, "trustBoundaries[0].contains[0]: a trust boundary cannot contain itself", FileName: "model.yaml"),

        new("flow without logging", """
            version: 1
            name: m
            agents:
              - id: a
                name: A
            flows:
              - id: f
                from: a
                to: a
                protocol: https
                authentication: none
                authorization: none
            """, 7, 5, "flows[0]: missing required key 'logging'", FileName: "model.yaml"),

        new("identity kind misspelt", """
            version: 1
            name: m
            identities:
              - id: svc
                name: svc
                kind: service_account
            """, 6, 11, "identities[0].kind: is not one of the allowed values", "did you mean 'service-account'?", "model.yaml"),

        new("negative credential lifetime", """
            version: 1
            name: m
            identities:
              - id: svc
                name: svc
                kind: workload
                credentialLifetimeSeconds: -5
            """, 7, 32, "identities[0].credentialLifetimeSeconds: must be at least 0", FileName: "model.yaml"),

        new("id with a space", """
            version: 1
            name: m
            agents:
              - id: my agent
                name: A
            """, 4, 9, "agents[0].id: must be an id made of letters, digits", FileName: "model.yaml"),
    ];

    public static IEnumerable<TestCaseData> Cases() => All.Select(c => new TestCaseData(c).SetName($"System model: {c.Name}"));

    [TestCaseSource(nameof(Cases))]
    public void Problem_is_reported_at_the_offending_node(MalformedInputCase input)
    {
        var exception = Assert.Throws<InvalidInputException>(() => SystemModelLoader.LoadFromText(input.Text, input.FileName));

        Assert.That(exception.Problems, Has.Count.EqualTo(input.ProblemCount), () => string.Join(Environment.NewLine, exception.Problems));
        var problem = exception.Problems[0];
        Assert.Multiple(() =>
        {
            Assert.That(problem.File, Is.EqualTo(input.FileName));
            Assert.That(problem.Message, Does.Contain(input.MessageFragment));
            Assert.That((problem.Line, problem.Column), Is.EqualTo((input.Line, input.Column)), problem.ToString);
            if (input.HintFragment is not null)
            {
                Assert.That(problem.Hint, Does.Contain(input.HintFragment));
            }
        });
    }

    [Test]
    public void Every_problem_in_a_file_is_reported_at_once()
    {
        const string model = """
            version: 1
            name: m
            agents:
              - id: a
                name: A
                tools: [nope]
            flows:
              - id: f
                from: a
                to: missing
                protocol: https
                authentication: none
                authorization: none
                logging: none
            """;

        var exception = Assert.Throws<InvalidInputException>(() => SystemModelLoader.LoadFromText(model, "model.yaml"));

        Assert.That(exception.Problems.Select(p => (p.Line, p.Column)), Is.EqualTo(new[] { (6, 13), (10, 9) }));
    }
}
