using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Json;

namespace AgentCompliance.Reporting.Tests.Json;

public sealed class RunResultJsonSchemaTests
{
    private static IEnumerable<TestCaseData> Runs()
    {
        yield return new TestCaseData(SampleRuns.EveryStatus()).SetArgDisplayNames("every status");
        yield return new TestCaseData(SampleRuns.Interrupted()).SetArgDisplayNames("interrupted");
        yield return new TestCaseData(SampleRuns.Hostile()).SetArgDisplayNames("hostile text");
        yield return new TestCaseData(SampleRuns.Empty()).SetArgDisplayNames("no scenarios");
    }

    [TestCaseSource(nameof(Runs))]
    public async Task Written_results_validate_against_the_published_schema(RunResult run)
    {
        var schema = await PublishedSchema.LoadAsync();

        var errors = schema.Validate(RunResultJson.Serialize(run));

        Assert.That(errors.Select(e => e.ToString()), Is.Empty);
    }

    [Test]
    public async Task Schema_rejects_unknown_statuses_and_unknown_properties()
    {
        var schema = await PublishedSchema.LoadAsync();
        var json = RunResultJson.Serialize(SampleRuns.EveryStatus());

        var badStatus = schema.Validate(json.Replace("\"status\": \"pending\"", "\"status\": \"green\"", StringComparison.Ordinal));
        var extraProperty = schema.Validate(json.Replace("\"interrupted\": false", "\"interrupted\": false, \"verdict\": \"ok\"", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(badStatus, Is.Not.Empty);
            Assert.That(extraProperty.Select(e => e.Property), Does.Contain("verdict"));
        });
    }
}
