using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Reporting.ThreatModels;

namespace AgentCompliance.Reporting.Tests.ThreatModels;

/// <summary>User templates override the built-in ones but cannot read anything outside their folder.</summary>
public sealed class RestrictedTemplateLoaderTests
{
    private string _root = null!;
    private string _templates = null!;

    [SetUp]
    public void CreateFolders()
    {
        _root = Path.Combine(Path.GetTempPath(), "ac-templates-" + Guid.NewGuid().ToString("N"));
        _templates = Path.Combine(_root, "templates");
        Directory.CreateDirectory(_templates);
        File.WriteAllText(Path.Combine(_root, "secret.txt"), "TOP-SECRET-VALUE");
    }

    [TearDown]
    public void RemoveFolders() => Directory.Delete(_root, recursive: true);

    [Test]
    public void A_template_in_the_folder_overrides_the_built_in_one_and_the_rest_fall_back()
    {
        File.WriteAllText(Path.Combine(_templates, "report.md.sbn"), "custom report for {{ system.name | md }}");
        var model = ThreatModelSamples.Build();
        var document = ThreatModelDocument.Build(model, "t");
        var renderer = new ThreatModelReportRenderer(_templates);

        Assert.That(renderer.Render(ThreatModelReportRenderer.MarkdownTemplate, model, document), Is.EqualTo("custom report for reference-agent-platform"));
        Assert.That(renderer.Render(ThreatModelReportRenderer.HtmlTemplate, model, document), Does.Contain("id=\"data-flow-diagram\""));
    }

    [TestCase("{{ include \"../secret.txt\" }}")]
    [TestCase("{{ include \"templates/../../secret.txt\" }}")]
    [TestCase("{{ include \"/etc/hostname\" }}")]
    public void Including_a_file_outside_the_folder_is_refused(string template)
    {
        File.WriteAllText(Path.Combine(_templates, "report.md.sbn"), template.Replace("/etc/hostname", Path.Combine(_root, "secret.txt"), StringComparison.Ordinal));

        var error = Assert.Throws<InvalidInputException>(() => RenderMarkdown());

        Assert.That(error!.Message, Does.Contain("templates folder").And.Not.Contain("TOP-SECRET-VALUE"));
    }

    [Test]
    public void A_link_pointing_outside_the_folder_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_templates, "innocent.sbn"), Path.Combine(_root, "secret.txt"));
        File.WriteAllText(Path.Combine(_templates, "report.md.sbn"), "{{ include \"innocent.sbn\" }}");

        var error = Assert.Throws<InvalidInputException>(() => RenderMarkdown());

        Assert.That(error!.Message, Does.Contain("links to a file outside").And.Not.Contain("TOP-SECRET-VALUE"));
    }

    [Test]
    public void A_broken_template_is_reported_with_its_file_and_line()
    {
        File.WriteAllText(Path.Combine(_templates, "report.md.sbn"), "line one\n{{ for x in }}");

        var error = Assert.Throws<InvalidInputException>(() => RenderMarkdown());

        Assert.That(error!.Problems[0].File, Does.EndWith("report.md.sbn"));
        Assert.That(error.Problems[0].Line, Is.EqualTo(2));
    }

    private string RenderMarkdown()
    {
        var model = ThreatModelSamples.Build();
        return new ThreatModelReportRenderer(_templates).Render(ThreatModelReportRenderer.MarkdownTemplate, model, ThreatModelDocument.Build(model, "t"));
    }
}
