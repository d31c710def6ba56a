using System.Text.Json;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Cli.Tests;

public class StepsCommandTests
{
    private const string Regenerate = "dotnet run --project src/AgentCompliance.Cli -- steps --out docs/steps.md";

    private static string TestBindingsDll => Path.Combine(TestContext.CurrentContext.TestDirectory, "AgentCompliance.TestBindings.dll");

    [Test]
    public async Task The_committed_step_reference_is_what_the_generator_writes_from_the_bindings_now()
    {
        var generated = Path.Combine(Path.GetTempPath(), $"agentcompliance-steps-{Guid.NewGuid():N}.md");
        try
        {
            var run = await CliRun.StartAsync("steps", "--out", generated);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);

            var committed = await File.ReadAllTextAsync(RepositoryLayout.PathOf("docs", "steps.md"));
            Assert.That(
                committed.ReplaceLineEndings("\n"),
                Is.EqualTo(await File.ReadAllTextAsync(generated)),
                $"docs/steps.md is out of date with the step bindings; regenerate it from the repository root with `{Regenerate}` and commit it");
        }
        finally
        {
            File.Delete(generated);
        }
    }

    [Test]
    public async Task Markdown_goes_to_standard_output_grouped_by_binding_class()
    {
        var run = await CliRun.StartAsync("steps");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Output, Does.StartWith("# Step reference\n"));
            Assert.That(run.Output, Does.Contain("\n### IdentityDesignSteps\n\n`AgentCompliance.Steps.Design.IdentityDesignSteps`\n"));
            Assert.That(run.Output, Does.Contain("\n#### Then `no agent credential lives longer than {int} seconds`\n"));
            Assert.That(run.Output, Does.Contain("- Parameter `maximumSeconds` (`int`)\n"));
            Assert.That(run.Output, Does.Contain("```gherkin\nThen no agent credential lives longer than 900 seconds\n```\n"));
        });
    }

    [Test]
    public async Task Json_lists_built_in_and_user_steps_and_undocumented_ones_have_empty_text()
    {
        var run = await CliRun.StartAsync("steps", "--format", "json", "--bindings", TestBindingsDll);
        using var json = JsonDocument.Parse(run.Output);
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToList();
        var total = steps.Single(step => step.GetProperty("method").GetString() == "ThenTheTotalIs(int)");
        var lifetime = steps.Single(step => step.GetProperty("pattern").GetString() == "no agent credential lives longer than {int} seconds");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(json.RootElement.GetProperty("formatVersion").GetInt32(), Is.EqualTo(1));
            Assert.That(total.GetProperty("keywords").EnumerateArray().Select(keyword => keyword.GetString()), Is.EqualTo(new[] { "Then" }));
            Assert.That(total.GetProperty("pattern").GetString(), Is.EqualTo(@"^the total is (\d+)$"));
            Assert.That(total.GetProperty("patternKind").GetString(), Is.EqualTo("regularExpression"));
            Assert.That(total.GetProperty("parameters")[0].GetProperty("name").GetString(), Is.EqualTo("expected"));
            Assert.That(total.GetProperty("parameters")[0].GetProperty("type").GetString(), Is.EqualTo("int"));
            Assert.That(total.GetProperty("description").GetString(), Is.Empty);
            Assert.That(total.GetProperty("example").GetString(), Is.Empty);
            Assert.That(total.GetProperty("assembly").GetString(), Is.EqualTo("AgentCompliance.TestBindings"));
            Assert.That(lifetime.GetProperty("patternKind").GetString(), Is.EqualTo("cucumberExpression"));
            Assert.That(lifetime.GetProperty("example").GetString(), Is.EqualTo("Then no agent credential lives longer than 900 seconds"));
            Assert.That(lifetime.GetProperty("bindingClass").GetString(), Is.EqualTo("AgentCompliance.Steps.Design.IdentityDesignSteps"));
        });
    }

    [Test]
    public async Task A_missing_bindings_file_is_invalid_input()
    {
        var run = await CliRun.StartAsync("steps", "--bindings", "no-such-steps.dll");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(run.ErrorLines.Single(), Does.StartWith("no-such-steps.dll: bindings assembly not found (hint:"));
            Assert.That(run.Output, Is.Empty);
        });
    }

    [Test]
    public async Task An_output_path_that_cannot_be_written_is_invalid_input()
    {
        var folder = Directory.CreateTempSubdirectory("agentcompliance-steps-");
        try
        {
            var run = await CliRun.StartAsync("steps", "--out", folder.FullName);

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
                Assert.That(run.ErrorLines.Single(), Does.Contain("cannot write the step reference").And.Contain("(hint: pass --out with a writable path)"));
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
