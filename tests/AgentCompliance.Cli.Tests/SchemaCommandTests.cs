using Newtonsoft.Json.Linq;

namespace AgentCompliance.Cli.Tests;

public sealed class SchemaCommandTests
{
    [TestCase("profile", "AgentCompliance target profile")]
    [TestCase("system-model", "AgentCompliance system model")]
    [TestCase("risk-tracking", "AgentCompliance risk tracking")]
    [TestCase("threat-model", "AgentCompliance threat model")]
    [TestCase("waivers", "AgentCompliance waivers")]
    public async Task Prints_the_schema_as_json(string kind, string title)
    {
        var run = await CliRun.StartAsync("schema", kind);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That((string?)JObject.Parse(run.Output)["title"], Is.EqualTo(title));
        });
    }

    // The committed reference is what the command prints today: regenerate it with the command when a schema changes.
    [TestCase("profile")]
    [TestCase("system-model")]
    public async Task The_committed_markdown_reference_equals_freshly_generated_output(string kind)
    {
        var run = await CliRun.StartAsync("schema", kind, "--format", "markdown");
        var committed = await File.ReadAllTextAsync(RepositoryLayout.PathOf("docs", "reference", $"{kind}.md"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(committed, Is.EqualTo(run.Output), $"docs/reference/{kind}.md is stale: regenerate it with `agentcompliance schema {kind} --format markdown > docs/reference/{kind}.md`");
        });
    }

    [Test]
    public async Task The_markdown_reference_lists_every_top_level_key_with_its_type_and_allowed_values()
    {
        var run = await CliRun.StartAsync("schema", "system-model", "--format", "markdown");
        var schema = JObject.Parse(await File.ReadAllTextAsync(RepositoryLayout.PathOf("src", "AgentCompliance.Core", "Schemas", "system-model.schema.json")));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            foreach (var key in ((JObject)schema["properties"]!).Properties().Select(p => p.Name).Where(name => name != "$schema"))
            {
                Assert.That(run.Output, Does.Contain($"| `{key}` |"), key);
            }

            Assert.That(run.Output, Does.Contain("## `flows[]`"));
            Assert.That(run.Output, Does.Contain("| `authorization` | one of `none`, `static`, `policy-at-request-time` | yes |"));
            Assert.That(run.Output, Does.Contain("| `credentialLifetimeSeconds` | whole number; ≥ 0 |"));
        });
    }

    [Test]
    public async Task Unknown_schema_exits_2()
    {
        var run = await CliRun.StartAsync("schema", "waiver-list");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("'waiver-list'").And.Contain("profile"));
        });
    }
}
