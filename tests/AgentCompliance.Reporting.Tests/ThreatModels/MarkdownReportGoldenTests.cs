using AgentCompliance.Reporting.ThreatModels;

namespace AgentCompliance.Reporting.Tests.ThreatModels;

/// <summary>
/// The Markdown report of the sample platform joined with a fixed run, compared with a reviewed golden file. To
/// accept an intended change, run the tests with AC_UPDATE_GOLDEN=1 and review the diff of the golden file.
/// </summary>
public sealed class MarkdownReportGoldenTests
{
    [TestCase("reference-platform-with-run.md", true)]
    [TestCase("reference-platform-without-run.md", false)]
    public void Markdown_matches_the_golden_file(string golden, bool withRun)
    {
        var model = ThreatModelSamples.Build(run: withRun ? ThreatModelSamples.SmallRun() : null, tracking: withRun ? ThreatModelSamples.Tracking() : null);
        var document = ThreatModelDocument.Build(model, "0.1.0-test");
        var actual = new ThreatModelReportRenderer().Render(ThreatModelReportRenderer.MarkdownTemplate, model, document).ReplaceLineEndings("\n");

        var goldenPath = RepositoryLayout.PathOf("tests", "AgentCompliance.Reporting.Tests", "ThreatModels", "Golden", golden);
        if (Environment.GetEnvironmentVariable("AC_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(goldenPath, actual);
        }

        var expected = File.ReadAllText(goldenPath).ReplaceLineEndings("\n");
        if (actual != expected)
        {
            var actualPath = Path.Combine(TestContext.CurrentContext.WorkDirectory, golden);
            File.WriteAllText(actualPath, actual);
            TestContext.AddTestAttachment(actualPath);
        }

        Assert.That(actual, Is.EqualTo(expected), $"differs from {goldenPath}");
    }

    [Test]
    public void A_failed_control_is_traced_to_its_threat_and_boundary_in_the_Markdown()
    {
        var model = ThreatModelSamples.Build(run: ThreatModelSamples.SmallRun());
        var markdown = new ThreatModelReportRenderer().Render(ThreatModelReportRenderer.MarkdownTemplate, model, ThreatModelDocument.Build(model, "t"));
        var failedSection = markdown[markdown.IndexOf("### Threats with a failed control", StringComparison.Ordinal)..markdown.IndexOf("### Highest residual risks", StringComparison.Ordinal)];
        var row = failedSection.Split('\n').Single(line => line.StartsWith("| TM015@billing-to-gateway", StringComparison.Ordinal));

        Assert.That(row, Does.Contain("NHI7 (Agent credentials are short-lived)").And.Contain("boundary: agent-runtime"));
    }
}
