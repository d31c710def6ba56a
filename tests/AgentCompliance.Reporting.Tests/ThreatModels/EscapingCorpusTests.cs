using System.Text.RegularExpressions;
using AgentCompliance.Reporting.ThreatModels;
using AgentCompliance.ThreatModel.Evidence;

namespace AgentCompliance.Reporting.Tests.ThreatModels;

/// <summary>
/// Values from targets, code and models are hostile until escaped: markup, attribute breakouts, Markdown links and
/// table breakers planted in names, descriptions, evidence, errors and decisions must render as text in the HTML
/// (text, attributes, SVG) and in the Markdown.
/// </summary>
public sealed partial class EscapingCorpusTests
{
    private const string Hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>' onmouseover='alert(3)[click](javascript:alert(4)) a | b </text></svg><svg onload=alert(5)>";

    private static (string Html, string Markdown) Render()
    {
        var sample = ThreatModelSamples.ReferencePlatform;
        var model = sample with
        {
            Name = "platform" + Hostile,
            Description = Hostile,
            Tools = [.. sample.Tools.Select(t => t with { Description = "Tool description " + Hostile, Name = t.Name + Hostile })],
            Agents = [.. sample.Agents.Select(a => a with { Name = a.Name + Hostile })],
            TrustBoundaries = [.. sample.TrustBoundaries.Select(b => b with { Name = b.Name + Hostile })],
            Flows = [.. sample.Flows.Select(f => f with { Name = (f.Name ?? f.Id) + Hostile })],
        };
        var result = ThreatModelSamples.Build(model, ThreatModelSamples.SmallRun(Hostile), null,
            [new ControlWaiver("NHI7", "Accepted until the broker ships " + Hostile, new DateOnly(2099, 1, 1)) { Owner = "owner" + Hostile }]);
        var document = ThreatModelDocument.Build(result, "0.1.0-test" + Hostile);
        var renderer = new ThreatModelReportRenderer();
        return (renderer.Render(ThreatModelReportRenderer.HtmlTemplate, result, document), renderer.Render(ThreatModelReportRenderer.MarkdownTemplate, result, document));
    }

    [Test]
    public void Html_shows_hostile_values_as_text()
    {
        var (html, _) = Render();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script").IgnoreCase);
            Assert.That(html, Does.Not.Contain("<img").IgnoreCase);
            Assert.That(html, Does.Not.Contain("<svg onload").IgnoreCase);
            Assert.That(html, Does.Not.Contain("' onmouseover='"));
            Assert.That(Regex.Count(html, "<svg", RegexOptions.IgnoreCase), Is.EqualTo(1), "only the diagram is SVG");
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is still there, as text");
            Assert.That(html, Does.Contain("Tool description &lt;script&gt;").Or.Contain("&lt;script&gt;alert(1)"));
        });
    }

    [Test]
    public void Html_keeps_hostile_values_as_text_inside_the_svg_diagram()
    {
        var (html, _) = Render();
        var svg = html[html.IndexOf("<svg", StringComparison.Ordinal)..(html.IndexOf("</svg>", StringComparison.Ordinal) + 6)];

        Assert.That(svg, Does.Contain("&lt;/text&gt;&lt;/svg&gt;").Or.Contain("&lt;script&gt;"));
        Assert.That(Regex.Count(svg, "</svg>"), Is.EqualTo(1));
    }

    [Test]
    public void Markdown_neutralises_markup_links_and_table_breakers()
    {
        var (_, markdown) = Render();

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Not.Contain("<script").IgnoreCase);
            Assert.That(markdown, Does.Not.Contain("<img").IgnoreCase);
            Assert.That(markdown, Does.Not.Contain("[click](javascript"));
            Assert.That(markdown, Does.Contain("&lt;script&gt;"));
        });

        // Every table keeps the same number of cells in each row: no value adds a column.
        var tables = new List<List<string>>();
        foreach (var line in markdown.Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                tables.Add([]);
                continue;
            }

            if (tables.Count == 0)
            {
                tables.Add([]);
            }

            tables[^1].Add(line);
        }

        foreach (var table in tables.Where(t => t.Count > 0))
        {
            var cells = table.Select(row => UnescapedPipe().Count(row)).Distinct().ToList();
            Assert.That(cells, Has.Count.EqualTo(1), string.Join("\n", table.Take(3)));
        }
    }

    [Test]
    public void Escaping_functions_cover_each_context()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReportEscaping.Html("<a href=\"x\" title='y'>&</a>"), Is.EqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"));
            Assert.That(ReportEscaping.Markdown("*a* | [b](c)\n# d <e>"), Is.EqualTo("\\*a\\* \\| \\[b\\]\\(c\\) \\# d &lt;e&gt;"));
            Assert.That(ReportEscaping.Anchor("MAESTRO-L7:Agent Impersonation"), Is.EqualTo("maestro-l7-agent-impersonation"));
            Assert.That(ReportEscaping.Anchor("\"><script>"), Is.EqualTo("script"));
        });
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
