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
