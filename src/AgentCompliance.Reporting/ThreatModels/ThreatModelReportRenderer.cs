using AgentCompliance.Core.Diagnostics;
using AgentCompliance.ThreatModel.Modeling;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace AgentCompliance.Reporting.ThreatModels;

/// <summary>
/// Renders the threat-model reports with Scriban: <c>report.md.sbn</c> (pull-request comment, CI job summary) and
/// <c>report.html.sbn</c> (a self-contained single file for assessors). Templates see the threat-model.json
/// document plus a laid-out diagram and a few sorted views, and the escaping functions <c>h</c>, <c>md</c> and
/// <c>anchor</c>; they can include other templates only from their own folder.
/// </summary>
public sealed class ThreatModelReportRenderer
{
    public const string MarkdownTemplate = "report.md.sbn";
    public const string HtmlTemplate = "report.html.sbn";

    /// <summary>Threats the Markdown lists in full; the rest are counted (a PR comment has a size limit).</summary>
    public const int MarkdownThreatLimit = 25;

    private readonly RestrictedTemplateLoader _loader;

    /// <param name="templatesFolder">A user's template folder, or null for the built-in templates.</param>
    public ThreatModelReportRenderer(string? templatesFolder = null)
    {
        if (templatesFolder is not null && !Directory.Exists(templatesFolder))
        {
            throw new InvalidInputException(new InputProblem(templatesFolder, 0, 0, "templates folder not found", "pass a folder holding report.md.sbn and/or report.html.sbn"));
        }

        _loader = new RestrictedTemplateLoader(templatesFolder);
    }

    public string Render(string templateName, ThreatModelResult model, ScriptObject document)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(document);
        string path;
        string text;
        try
        {
            path = _loader.Resolve(templateName);
            text = _loader.Read(path);
        }
        catch (TemplateAccessException e)
        {
            throw new InvalidInputException(new InputProblem(templateName, 0, 0, e.Message));
        }

        var template = Template.Parse(text, path);
        if (template.HasErrors)
        {
            throw new InvalidInputException([.. template.Messages.Select(m => new InputProblem(path, m.Span.Start.Line + 1, m.Span.Start.Column + 1, m.Message))]);
        }

        var context = new TemplateContext
        {
            TemplateLoader = _loader,

            // Reports loop over every threat and control; a run of 10,000 scenarios must not hit Scriban's default limit.
            LoopLimit = int.MaxValue,
            RecursiveLimit = 64,
            StrictVariables = true,
        };
        context.PushGlobal(Globals(model, document));
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            var inner = e.InnerException as TemplateAccessException;
            throw new InvalidInputException(new InputProblem(path, e.Span.Start.Line + 1, e.Span.Start.Column + 1, inner?.Message ?? e.OriginalMessage));
        }
        catch (TemplateAccessException e)
        {
            throw new InvalidInputException(new InputProblem(path, 0, 0, e.Message));
        }
    }

    private static ScriptObject Globals(ThreatModelResult model, ScriptObject document)
    {
        var globals = new ScriptObject();
        foreach (var (key, value) in document)
        {
            globals[key] = value;
        }

        var threats = Items(document, "threats").ToList();
        var controls = Items(document, "frameworks").SelectMany(f => Items(f, "controls")).ToList();
        var byRisk = threats.OrderByDescending(t => (int)t["residualRisk"]!).ThenBy(t => (string)t["id"]!, StringComparer.Ordinal).ToList();
        globals["threatsByRisk"] = ToArray(byRisk);
        globals["failedThreats"] = ToArray(byRisk.Where(t => (string)t["status"]! == "failed"));
        globals["trackedThreats"] = ToArray(threats.Where(t => t["tracking"] is not null));
        globals["failedControls"] = ToArray(controls.Where(c => (string)c["status"]! == "failed"));

        // For each failed control: the threats it leaves open and the trust boundaries where those threats sit.
        var threatsById = threats.ToDictionary(t => (string)t["id"]!, StringComparer.Ordinal);
        globals["failedControlTrace"] = ToArray(controls.Where(c => (string)c["status"]! == "failed").Select(c => new ScriptObject
        {
            ["control"] = c,
            ["boundaries"] = ToStrings(((ScriptArray)c["threats"]!).Cast<string>()
                .SelectMany(id => ((ScriptArray)threatsById[id]["boundaries"]!).Cast<string>()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
        }));
        globals["waivedControls"] = ToArray(controls.Where(c => c["waiver"] is not null));
        globals["diagram"] = DataFlowDiagram.Layout(model);
        globals["markdownThreatLimit"] = MarkdownThreatLimit;
        globals.Import("h", new Func<object?, string>(ReportEscaping.Html));
        globals.Import("md", new Func<object?, string>(ReportEscaping.Markdown));
        globals.Import("anchor", new Func<object?, string>(ReportEscaping.Anchor));
        return globals;
    }

    private static IEnumerable<ScriptObject> Items(ScriptObject owner, string key) => ((ScriptArray)owner[key]!).Cast<ScriptObject>();

    private static ScriptArray ToStrings(IEnumerable<string> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }

    private static ScriptArray ToArray(IEnumerable<ScriptObject> items)
    {
        var array = new ScriptArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }
}
