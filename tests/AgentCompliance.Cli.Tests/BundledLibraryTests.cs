using System.Text.Json;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Cli.Tests;

/// <summary>
/// The bundled control library run as a user would: the demo profile names the sample system model, whose documented
/// weak spots must fail exactly the controls they break, and nothing else.
/// </summary>
public class BundledLibraryTests
{
    private static readonly string RepositoryRoot = RepositoryLayout.Root;
    private string _out = null!;

    [SetUp]
    public void CreateFolder() => _out = Path.Combine(Path.GetTempPath(), "agentcompliance-bundled", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Test]
    public async Task The_design_controls_fail_exactly_on_the_sample_models_weak_spots()
    {
        var (run, byStatus) = await RunDemoAsync(DesignReviewFeatures);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed), run.Error);
            Assert.That(byStatus["failed"], Is.EquivalentTo(new[]
            {
                "Every agent has a distinct workload identity",
                "No identity is shared between people and agents",
                "Agent credentials are short-lived",
                "External integrations can be isolated",
                "Boundary-crossing flows are authorised at request time",
                "Boundary-crossing flows are recorded in the central audit trail",

                // The tool server reads the knowledge base under a static grant.
                "Agent memory is checked by policy on every read and write",

                // The hosted foundation model is not modelled (an accepted risk in risk-tracking.yaml).
                "The agents' foundation models are in the system model",

                // The support agent calls the legacy CRM directly, past the gateway.
                "Agents reach tools, data and third parties only through the agent gateway",
            }));
            Assert.That(byStatus["passed"], Is.EquivalentTo(new[]
            {
                "No identity is shared between agents",
                "Policy is re-evaluated after sensitive actions",
                "Boundary-crossing flows are authenticated",
                "High-impact tools require human approval",
                "Agents call only their declared tools",
                "No identity is reused across environments or tenants",
                "Every agent is inventoried with its tools and its identity",
                "No identity is left behind after offboarding",
                "Tools that need approval have a person who can give it",
            }));
            Assert.That(run.Output, Does.Contain("tools-read-knowledge-base").And.Contain("support-to-legacy-crm"));
            Assert.That(run.Output, Does.Contain("billing-service-account"));
        });
    }

    [Test]
    public async Task The_code_controls_fail_exactly_on_the_sample_agents_planted_weaknesses()
    {
        var (run, byStatus) = await RunDemoAsync(CodeAnalysisFeatures);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed), run.Error);
            Assert.That(byStatus["failed"], Is.EquivalentTo(new[]
            {
                "No credentials are hard-coded in agent code",
                "Tools do not execute processes or dynamic code",
                "Tool arguments do not reach file paths or URLs unchecked",
                "Tool arguments do not reach SQL",
                "Untrusted text stays out of system prompts",
                "Sensitive tools are not invoked automatically without approval",
                "MCP servers require authentication and authorization",

                // CustomerNotesPlugin stores the model's note straight into semantic memory.
                "Tools do not write model-chosen text to agent memory",

                // AttachmentStorage signs in to blob storage with the account key.
                "The deployment signs in to the cloud with a federated workload identity",
            }));
            Assert.That(byStatus["passed"].Count(), Is.EqualTo(6));
            Assert.That(run.Output, Does.Contain("SupportTools.cs:35:29 AC0008").And.Contain("Program.cs:17:1 AC0020"));
            Assert.That(run.Output, Does.Contain("CustomerNotes.cs:15:61 AC0022").And.Contain("AttachmentStorage.cs:13:17 AC0023"));
            Assert.That(run.Output, Does.Not.Contain("7Hq2Lm9XwR4tZp8Kd3Vn6Yb1Cs5Jf0Ga"), "the planted key must never be shown");
        });
    }

    // The demo profile's design-review controls: the system model is their evidence.
    private static readonly string[] DesignReviewFeatures =
    [
        "design", "models", "resilience", "governance", "human-oversight",
        Path.Combine("memory", "agent-memory.feature"), Path.Combine("environments", "environment-isolation.feature"),
    ];

    // The demo profile's code-analysis controls: the Roslyn analysis of the weak sample agent is their evidence.
    private static readonly string[] CodeAnalysisFeatures =
    [
        "code", Path.Combine("memory", "memory-writes.feature"), Path.Combine("environments", "cloud-credentials.feature"),
    ];

    // The demo profile against some of the library (paths under features/); scenario names grouped by status from results.json.
    private async Task<(CliRun Run, ILookup<string?, string?> ByStatus)> RunDemoAsync(IEnumerable<string> features)
    {
        var run = await CliRun.StartAsync(
        [
            "run",
            "--profile", Path.Combine(RepositoryRoot, "samples", "profiles", "demo.agentcompliance.yaml"),
            .. features.SelectMany(path => new[] { "--features", Path.Combine(RepositoryRoot, "features", path) }),
            "--out", _out,
        ]);
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "results.json")));
        var byStatus = results.RootElement.GetProperty("scenarios").EnumerateArray()
            .ToLookup(s => s.GetProperty("status").GetString(), s => s.GetProperty("name").GetString());
        return (run, byStatus);
    }

    [Test]
    public async Task Every_scenario_of_the_bundled_library_names_catalog_controls_and_a_severity()
    {
        var run = await CliRun.StartAsync(
            "run",
            "--profile", Path.Combine(RepositoryRoot, "samples", "profiles", "demo.agentcompliance.yaml"),
            "--features", Path.Combine(RepositoryRoot, "features"),
            "--out", _out,
            "--report-only");

        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "results.json")));
        var scenarios = results.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(scenarios, Is.Not.Empty);
            foreach (var scenario in scenarios)
            {
                var name = scenario.GetProperty("name").GetString();
                Assert.That(scenario.GetProperty("controls").GetArrayLength(), Is.GreaterThan(0), name);
                Assert.That(scenario.GetProperty("severity").GetString(), Is.Not.Null.And.Not.Empty, name);
                Assert.That(scenario.GetProperty("status").GetString(), Is.Not.EqualTo("undefined"), name);
            }
        });
    }
}
