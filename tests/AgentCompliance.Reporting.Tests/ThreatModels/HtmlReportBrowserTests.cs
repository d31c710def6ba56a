using AgentCompliance.Reporting.ThreatModels;

namespace AgentCompliance.Reporting.Tests.ThreatModels;

/// <summary>
/// The HTML report opened in a real headless Chromium: no console errors, the diagram and every threat present,
/// nothing fetched from elsewhere. The screenshot is attached to the test results.
/// </summary>
[NonParallelizable]
public sealed class HtmlReportBrowserTests
{
    [Test]
    public async Task The_report_opens_offline_without_console_errors_and_shows_the_diagram()
    {
        var chromium = RequireChromium();
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "threat-model-browser");
        var model = ThreatModelSamples.Build(run: ThreatModelSamples.SmallRun(), tracking: ThreatModelSamples.Tracking());
        var written = new ThreatModelOutputWriter().Write(model, folder, "0.1.0-test");
        var html = written.Single(p => p.EndsWith(ThreatModelOutputWriter.HtmlFileName, StringComparison.Ordinal));

        await using var page = await ChromiumPage.StartAsync(chromium);
        await page.OpenAsync(html);
        var facts = await page.EvaluateAsync(
            "({ diagram: !!document.querySelector('svg#data-flow-diagram'), nodes: document.querySelectorAll('svg#data-flow-diagram .node').length, " +
            "boundaries: document.querySelectorAll('svg#data-flow-diagram .boundary').length, threats: document.querySelectorAll('article.threat').length, " +
            "diagramWidth: document.querySelector('svg#data-flow-diagram').getBoundingClientRect().width, " +
            "resources: performance.getEntriesByType('resource').length })");
        var screenshot = Path.Combine(folder, "threat-model.png");
        await page.ScreenshotAsync(screenshot, 1400, 2200);
        TestContext.AddTestAttachment(screenshot, "threat-model.html in headless Chromium");

        Assert.Multiple(() =>
        {
            Assert.That(page.Errors, Is.Empty);
            Assert.That((bool?)facts!["diagram"], Is.True);
            Assert.That((int?)facts["nodes"], Is.EqualTo(model.System.Elements.Count(e => e is not Core.SystemModels.DataFlow and not Core.SystemModels.TrustBoundary)));
            Assert.That((int?)facts["boundaries"], Is.EqualTo(model.System.TrustBoundaries.Count));
            Assert.That((int?)facts["threats"], Is.EqualTo(model.Threats.Count));
            Assert.That((double?)facts["diagramWidth"], Is.GreaterThan(100));
            Assert.That((int?)facts["resources"], Is.Zero, "a self-contained report loads nothing");
            Assert.That(new FileInfo(screenshot).Length, Is.GreaterThan(10_000));
        });
    }

    [Test]
    public async Task The_console_check_catches_an_error()
    {
        // Proves the check above can fail: a page that logs an error and throws is reported.
        var chromium = RequireChromium();
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "console-error.html");
        await File.WriteAllTextAsync(file, "<!DOCTYPE html><html><body><script>console.error('broken report'); null.boom;</script></body></html>");

        await using var page = await ChromiumPage.StartAsync(chromium);
        await page.OpenAsync(file);

        Assert.That(page.Errors, Has.Some.Contain("broken report"));
        Assert.That(page.Errors, Has.Some.StartWith("uncaught"));
    }

    private static string RequireChromium() =>
        ChromiumPage.FindExecutable() ?? throw new AssertionException("chromium is not installed; ./build.sh test installs the Debian package 'chromium'");
}
