using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Cli.Tests;

/// <summary>
/// <c>agentcompliance validate</c> checks feature files before any run: a tag that looks like a control but names none
/// is reported at its file:line:col with the closest control, so a typo never silently drops a control from a report.
/// </summary>
public sealed class ValidateFeaturesTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("agentcompliance-validate-features-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Unknown_control_tags_exit_2_at_their_line_with_the_closest_id()
    {
        Write("controls/typo.feature", """
            @design
            Feature: Typos

              @ASI11 @severity:high
              Scenario: One
                Then something

              @NHI3 @GV-1.66 @severity:low
              Scenario: Two
                Then something
            """);

        var run = await CliRun.StartAsync("validate", "--features", Path.Combine(_folder, "controls"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(run.ErrorLines, Has.Count.EqualTo(2));
            Assert.That(run.ErrorLines[0], Does.EndWith(":4:3: tag '@ASI11': unknown control 'ASI11'; did you mean 'ASI01'? (hint: use an ID from 'agentcompliance controls', or add it to a catalog named in the profile)"));
            Assert.That(run.ErrorLines[0], Does.Contain("typo.feature"));
            Assert.That(run.ErrorLines[1], Does.Contain("typo.feature:8:9: tag '@GV-1.66': unknown control"));
            Assert.That(run.Error, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public async Task Features_named_by_the_profile_are_checked_against_its_catalogs()
    {
        Write("acme.json", """
            {
              "frameworks": [ { "id": "acme", "name": "ACME", "prefixes": ["ACME"] } ],
              "controls": [ { "id": "ACME-1", "name": "Mine", "framework": "acme", "kind": "control", "description": "An organisation control." } ]
            }
            """);
        Write("features/own.feature", "Feature: Own\n\n  @control:ACME-1 @ASI03 @severity:high\n  Scenario: Uses the organisation catalog\n    Then something\n");
        var profile = Write("agentcompliance.yaml", "version: 1\nname: t\ncatalogs:\n  - acme.json\nfeatures:\n  - features\n");

        var valid = await CliRun.StartAsync("validate", "--profile", profile);
        Write("features/own.feature", "Feature: Own\n\n  @control:ACME-2 @severity:high\n  Scenario: Names a control the catalog lacks\n    Then something\n");
        var invalid = await CliRun.StartAsync("validate", "--profile", profile);

        Assert.Multiple(() =>
        {
            Assert.That(valid.ExitCode, Is.EqualTo(ExitCodes.Success), valid.Error);
            Assert.That(valid.OutputLines, Has.Some.Match(@"^ok: .*own\.feature$"));
            Assert.That(invalid.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(invalid.ErrorLines.Single(), Does.Contain("own.feature:3:3: tag '@control:ACME-2': unknown control 'ACME-2'; did you mean 'ACME-1'?"));
        });
    }

    [Test]
    public async Task A_feature_file_with_a_syntax_error_is_reported_at_its_line()
    {
        Write("broken/broken.feature", "Feature: Broken\n\n  Scenario: One\n    Then something\n    this line is not Gherkin\n");

        var run = await CliRun.StartAsync("validate", "--features", Path.Combine(_folder, "broken"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(run.Error, Does.Contain("broken.feature:5:"));
        });
    }

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
