using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Results;
using AgentCompliance.Core.SystemModels;
using AgentCompliance.Reporting.Json;

namespace AgentCompliance.Benchmarks.Reports;

/// <summary>
/// A system model of a given size (agents, identities, services, tools, stores, third parties, people, boundaries,
/// and flows between them, with a mix of weak and hardened properties) and a run of N scenarios tagged with catalog
/// controls, each carrying about a kilobyte of evidence. Deterministic: the same sizes give the same files.
/// </summary>
internal static class LargeInputGenerator
{
    public static (string ModelPath, string ResultsPath) Write(string folder, int elements, int scenarios)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(42);
        var model = Model(elements, random);
        var modelPath = Path.Combine(folder, "system-model.json");
        File.WriteAllText(modelPath, SchemaValidatedDocumentLoader.ToJson(model));
        var resultsPath = Path.Combine(folder, "results.json");
        using (var stream = File.Create(resultsPath))
        {
            RunResultJson.Write(Run(scenarios, random), stream);
        }

        return (modelPath, resultsPath);
    }

    private static SystemModel Model(int size, Random random)
    {
        // Shares of the element budget per kind; boundaries are counted too.
        var agents = size / 5;
        var identities = size / 5;
        var tools = size * 3 / 20;
        var stores = size / 10;
        var externals = size / 20;
        var humans = size / 20;
        var boundaries = size / 20;
        var services = size - agents - identities - tools - stores - externals - humans - boundaries;

        var serviceKinds = new[] { ServiceKind.AgentGateway, ServiceKind.PolicyDecisionPoint, ServiceKind.AuditLog, ServiceKind.IdentityProvider, ServiceKind.ModelEndpoint };
        var serviceList = Enumerable.Range(0, services).Select(i => new ServiceElement
        {
            Id = $"service-{i}",
            Name = $"Service {i}",
            Kind = i < serviceKinds.Length ? serviceKinds[i] : ServiceKind.McpServer,
        }).ToList();
        var mcpServers = serviceList.Where(s => s.Kind == ServiceKind.McpServer).Select(s => s.Id).ToList();
        var toolList = Enumerable.Range(0, tools).Select(i => new ToolElement
        {
            Id = $"tool-{i}",
            Name = i % 17 == 0 ? $"run_script_{i}" : $"tool_{i}",
            Server = mcpServers[i % mcpServers.Count],
            Sensitivity = (ToolSensitivity)(i % 5),
            RequiresHumanApproval = i % 3 == 0,
            Description = $"Tool {i} does something useful with <b>markup</b> in its description.",
        }).ToList();
        var agentList = Enumerable.Range(0, agents).Select(i => new AgentElement
        {
            Id = $"agent-{i}",
            Name = $"Agent {i}",
            Tools = [.. Enumerable.Range(0, 3).Select(k => toolList[(i * 3 + k) % toolList.Count].Id).Distinct()],
        }).ToList();
        var humanList = Enumerable.Range(0, humans).Select(i => new HumanElement { Id = $"human-{i}", Name = $"Person {i}" }).ToList();
        var identityList = Enumerable.Range(0, identities).Select(i => new IdentityElement
        {
            Id = $"identity-{i}",
            Name = $"identity {i}",
            Kind = i % 7 == 0 ? IdentityKind.ServiceAccount : IdentityKind.Workload,
            UsedBy = i % 11 == 0 ? [agentList[i % agents].Id, humanList[i % humans].Id] : [agentList[i % agents].Id],
            IssuedBy = i % 5 == 0 ? null : "service-3",
            CredentialType = i % 4 == 0 ? CredentialType.ClientSecret : CredentialType.PrivateKeyJwt,
            CredentialLifetimeSeconds = i % 6 == 0 ? 86400 : 300,
        }).ToList();
        var storeList = Enumerable.Range(0, stores).Select(i => new DataStoreElement
        {
            Id = $"store-{i}",
            Name = $"Store {i}",
            Kind = (DataStoreKind)(i % 7),
            DataClassification = (DataClassification)(i % 4),
        }).ToList();
        var externalList = Enumerable.Range(0, externals).Select(i => new ExternalServiceElement
        {
            Id = $"external-{i}",
            Name = $"Vendor {i}",
            Kind = i % 3 == 0 ? ExternalServiceKind.ModelProvider : ExternalServiceKind.Saas,
            Legacy = i % 2 == 0,
            CanBeIsolated = i % 4 == 0 ? false : null,
        }).ToList();

        // Runtime boundaries hold slices of the agents; one platform boundary holds them and the services.
        var runtimeCount = Math.Max(1, boundaries - 2);
        var boundaryList = Enumerable.Range(0, runtimeCount).Select(i => new TrustBoundary
        {
            Id = $"runtime-{i}",
            Name = $"Runtime {i}",
            Kind = TrustBoundaryKind.Process,
            Contains = [.. agentList.Where((_, n) => n % runtimeCount == i).Select(a => a.Id)],
        }).ToList();
        boundaryList.Add(new TrustBoundary
        {
            Id = "platform",
            Name = "Platform",
            Kind = TrustBoundaryKind.Network,
            Contains = [.. boundaryList.Select(b => b.Id), .. serviceList.Select(s => s.Id), .. toolList.Select(t => t.Id), .. storeList.Select(s => s.Id)],
        });
        boundaryList.Add(new TrustBoundary { Id = "company", Name = "Company", Kind = TrustBoundaryKind.Organisation, Contains = ["platform", .. humanList.Select(h => h.Id)] });

        var flows = new List<DataFlow>();
        for (var i = 0; i < agents; i++)
        {
            var weak = random.Next(4) == 0;
            flows.Add(Flow($"agent-{i}-to-gateway", agentList[i].Id, "service-0", weak) with { Identity = identityList[i % identities].Id, Tools = agentList[i].Tools });
            if (i % 4 == 0)
            {
                flows.Add(Flow($"agent-{i}-to-store", agentList[i].Id, storeList[i % stores].Id, random.Next(2) == 0));
            }

            if (i % 6 == 0)
            {
                flows.Add(Flow($"agent-{i}-to-vendor", agentList[i].Id, externalList[i % externals].Id, true) with { Identity = identityList[i % identities].Id });
            }
        }

        flows.AddRange(mcpServers.Select((s, i) => Flow($"gateway-to-{s}", "service-0", s, random.Next(5) == 0)));
        flows.Add(Flow("gateway-to-pdp", "service-0", "service-1", false) with { Logging = FlowLogging.Local });
        flows.AddRange(humanList.Select(h => Flow($"{h.Id}-approves", h.Id, "service-0", false)));

        return new SystemModel
        {
            Version = 1,
            Name = "large-benchmark-platform",
            Description = $"Generated: {size} elements.",
            Agents = agentList,
            Humans = humanList,
            Identities = identityList,
            Services = serviceList,
            Tools = toolList,
            DataStores = storeList,
            ExternalServices = externalList,
            TrustBoundaries = boundaryList,
            Flows = flows,
        };
    }

    private static DataFlow Flow(string id, string from, string to, bool weak) => new()
    {
        Id = id,
        From = from,
        To = to,
        Protocol = FlowProtocol.Https,
        Authentication = weak ? FlowAuthentication.ApiKey : FlowAuthentication.OAuth2,
        Authorization = weak ? FlowAuthorization.Static : FlowAuthorization.PolicyAtRequestTime,
        Logging = weak ? FlowLogging.Local : FlowLogging.CentralAudit,
        CredentialLifetimeSeconds = weak ? 3600 : 300,
        ReevaluatesAfterSensitiveActions = !weak,
        DataClassification = weak ? DataClassification.Restricted : DataClassification.Internal,
    };

    private static RunResult Run(int count, Random random)
    {
        var controls = ControlCatalog.BuiltIn.Controls.Where(c => c.Testable).Select(c => c.Id).ToArray();
        var evidence = string.Concat(Enumerable.Repeat("HTTP/1.1 200 OK\ncontent-type: application/json\n\n{\"active\":true,\"scope\":\"tools:read\"} ", 12));
        var started = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new RunResult
        {
            ToolVersion = "bench",
            StartedAt = started,
            FinishedAt = started.AddMinutes(10),
            Scenarios =
            [
                .. Enumerable.Range(0, count).Select(i =>
                {
                    var roll = random.Next(100);
                    var status = roll < 85 ? ResultStatus.Passed : roll < 95 ? ResultStatus.Failed : ResultStatus.Skipped;
                    return new ScenarioResult
                    {
                        Id = $"features/generated/f{i / 50}.feature:{(i % 50) + 3}",
                        Name = $"Generated scenario {i}",
                        FeatureName = $"Generated feature {i / 50}",
                        FeatureFile = $"features/generated/f{i / 50}.feature",
                        Line = (i % 50) + 3,
                        Controls = [controls[random.Next(controls.Length)], controls[random.Next(controls.Length)]],
                        Status = status,
                        ErrorMessage = status == ResultStatus.Failed ? $"expected the token to be rejected, got 200 (scenario {i})" : null,
                        Steps =
                        [
                            new StepResult
                            {
                                Keyword = "Then ",
                                Text = "the control holds",
                                Status = status,
                                Evidence = [new EvidenceItem("http", $"POST http://127.0.0.1:8080/introspect → 200 ({i})", evidence)],
                            },
                        ],
                    };
                }),
            ],
        };
    }
}
