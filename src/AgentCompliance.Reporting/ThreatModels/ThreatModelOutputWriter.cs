using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Reporting.Output;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.Reporting.ThreatModels;

/// <summary>Writes threat-model.json, threat-model.md and threat-model.html into one folder, each file replaced atomically.</summary>
public sealed class ThreatModelOutputWriter
{
    public const string MarkdownFileName = "threat-model.md";
    public const string HtmlFileName = "threat-model.html";

    private readonly ThreatModelReportRenderer _renderer;

    public ThreatModelOutputWriter(string? templatesFolder = null)
    {
        _renderer = new ThreatModelReportRenderer(templatesFolder);
    }

    /// <summary>Renders and writes every output; returns the full paths written.</summary>
    /// <exception cref="InvalidInputException">A template is missing, unreadable or broken.</exception>
    /// <exception cref="CouldNotRunException">The folder or a file cannot be written.</exception>
    public IReadOnlyList<string> Write(ThreatModelResult model, string outputDirectory, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var document = ThreatModelDocument.Build(model, toolVersion);

        // Render everything before writing anything, so a broken template leaves no half-updated folder.
        var markdown = _renderer.Render(ThreatModelReportRenderer.MarkdownTemplate, model, document);
        var html = _renderer.Render(ThreatModelReportRenderer.HtmlTemplate, model, document);
        var folder = Path.GetFullPath(outputDirectory);
        try
        {
            Directory.CreateDirectory(folder);
            var written = new List<string>();
            foreach (var (name, write) in new (string, Action<Stream>)[]
            {
                (ThreatModelJsonWriter.FileName, stream => ThreatModelJsonWriter.Write(document, stream)),
                (MarkdownFileName, stream => WriteText(stream, markdown)),
                (HtmlFileName, stream => WriteText(stream, html)),
            })
            {
                var path = Path.Combine(folder, name);
                AtomicFile.Write(path, write);
                written.Add(path);
            }

            return written;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CouldNotRunException($"cannot write the threat model to {folder}: {e.Message}", e);
        }
    }

    private static void WriteText(Stream stream, string text)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        writer.Write(text);
    }
}
