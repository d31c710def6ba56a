using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Cli.Tests;

/// <summary>User control catalogs named by the profile are checked by <c>validate</c> and used by <c>run</c>.</summary>
public class ValidateCatalogTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "agentcompliance-catalog-cli", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Profile() => Write("agentcompliance.yaml", "version: 1\nname: t\ncatalogs:\n  - acme.json\n");

    [Test]
    public async Task A_broken_catalog_named_by_the_profile_is_reported_at_its_line()
    {
        Write("acme.json", "{\n  \"frameworks\": [],\n  \"controls\": [\n    { \"id\": \"ACME-1\", \"nmae\": \"typo\" }\n  ]\n}\n");

        var run = await CliRun.StartAsync("validate", "--profile", Profile());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(run.Error, Does.Match(@"acme\.json:4:\d+: "));
            Assert.That(run.Error, Does.Contain("nmae"));
        });
    }

    [Test]
    public async Task A_catalog_that_reuses_a_built_in_id_is_rejected()
    {
        Write("acme.json", """
            {
              "frameworks": [ { "id": "acme", "name": "ACME", "prefixes": ["ACME"] } ],
              "controls": [ { "id": "ASI03", "name": "Mine", "framework": "acme", "kind": "control", "description": "x" } ]
            }
            """);

        var run = await CliRun.StartAsync("validate", "--profile", Profile());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(run.Error, Does.Contain("ASI03"));
        });
    }

    [Test]
    public async Task A_valid_catalog_is_reported_ok_and_its_ids_work_as_tags_in_a_run()
    {
        Write("acme.json", """
            {
              "frameworks": [ { "id": "acme", "name": "ACME", "prefixes": ["ACME"] } ],
              "controls": [ { "id": "ACME-7", "name": "Mine", "framework": "acme", "kind": "control", "description": "x" } ]
            }
            """);
        Directory.CreateDirectory(Path.Combine(_folder, "features"));
        Write(Path.Combine("features", "acme.feature"), "Feature: ACME\n  @control:ACME-7\n  Scenario: Tagged\n    Given the number 1\n");
        var bindings = Path.Combine(TestContext.CurrentContext.TestDirectory, "AgentCompliance.TestBindings.dll");

        var validate = await CliRun.StartAsync("validate", "--profile", Profile());
        var run = await CliRun.StartAsync("run", "--profile", Profile(), "--features", Path.Combine(_folder, "features"), "--bindings", bindings, "--out", Path.Combine(_folder, "out"));

        Assert.Multiple(() =>
        {
            Assert.That(validate.ExitCode, Is.EqualTo(ExitCodes.Success), validate.Error);
            Assert.That(validate.Output, Does.Contain("acme.json"));
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(File.ReadAllText(Path.Combine(_folder, "out", "results.json")), Does.Contain("\"ACME-7\""));
        });
    }
}
