using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Scenarios.Discovery;

namespace AgentCompliance.Scenarios.Tests;

public class FeatureFileDiscoveryTests
{
    private const string Feature = "Feature: f\n  Scenario: s\n    Given x\n";

    [Test]
    public void A_folder_yields_its_feature_files_recursively_relative_to_it()
    {
        using var temp = new TempFolder();
        temp.Write("features/b.feature", Feature);
        temp.Write("features/auth/a.feature", Feature);
        temp.Write("features/notes.txt", "not a feature");

        var files = FeatureFileDiscovery.Discover(["features"], temp.Path);

        Assert.Multiple(() =>
        {
            Assert.That(files.Select(file => file.RelativePath), Is.EqualTo(new[] { "auth/a.feature", "b.feature" }));
            Assert.That(files.Select(file => file.DisplayPath), Is.EqualTo(new[] { "features/auth/a.feature", "features/b.feature" }));
        });
    }

    [Test]
    public void A_glob_selects_matching_files_relative_to_the_folder_before_the_wildcard()
    {
        using var temp = new TempFolder();
        temp.Write("features/auth/tokens.feature", Feature);
        temp.Write("features/auth/revocation.feature", Feature);
        temp.Write("features/audit/trail.feature", Feature);

        var files = FeatureFileDiscovery.Discover(["features/**/t*.feature"], temp.Path);

        Assert.That(files.Select(file => file.RelativePath), Is.EqualTo(new[] { "audit/trail.feature", "auth/tokens.feature" }));
    }

    [Test]
    public void Overlapping_sources_list_each_file_once()
    {
        using var temp = new TempFolder();
        temp.Write("features/a.feature", Feature);

        var files = FeatureFileDiscovery.Discover(["features", "features/a.feature", "features/*.feature"], temp.Path);

        Assert.That(files, Has.Count.EqualTo(1));
    }

    [Test]
    public void Missing_folders_empty_folders_and_unmatched_globs_are_all_reported()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "empty"));
        temp.Write("readme.md", "x");

        var error = Assert.Throws<InvalidInputException>(() => FeatureFileDiscovery.Discover(["missing", "empty", "nothing/**/*.feature", "readme.md", "*.feature"], temp.Path))!;

        Assert.That(error.Problems.Select(problem => problem.File), Is.EqualTo(new[] { "missing", "empty", "nothing/**/*.feature", "readme.md", "*.feature" }));
        Assert.That(error.Problems.Select(problem => problem.Message), Has.Some.Contains("not found"));
        Assert.That(error.Problems.Select(problem => problem.Message), Has.Some.Contains("no .feature files"));
    }
}
