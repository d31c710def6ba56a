using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace AgentCompliance.Reporting.ThreatModels;

/// <summary>
/// Loads report templates and their includes from one folder only (a user's <c>--templates DIR</c>), falling back to
/// the embedded defaults for any template the folder does not have. A name that is rooted, climbs out with
/// <c>..</c>, or resolves (through a link) to a file outside the folder is refused, so a template cannot read
/// other files.
/// </summary>
public sealed class RestrictedTemplateLoader : ITemplateLoader
{
    private const string EmbeddedPrefix = "embedded:";
    private const string ResourcePrefix = "AgentCompliance.Templates.";

    private readonly string? _root;

    public RestrictedTemplateLoader(string? folder)
    {
        _root = folder is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
    }

    /// <summary>Names of the embedded default templates.</summary>
    public static IReadOnlyList<string> EmbeddedNames { get; } =
        [.. typeof(RestrictedTemplateLoader).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Select(n => n[ResourcePrefix.Length..]).Order(StringComparer.Ordinal)];

    /// <summary>Where the template comes from; throws <see cref="TemplateAccessException"/> for a name outside the folder.</summary>
    public string Resolve(string templateName)
    {
        ArgumentNullException.ThrowIfNull(templateName);
        if (templateName.Length == 0 || Path.IsPathRooted(templateName) || templateName.Split('/', '\\').Any(part => part is ".." or ""))
        {
            throw new TemplateAccessException($"template name '{templateName}' is not a plain relative name inside the templates folder");
        }

        if (_root is not null)
        {
            var full = Path.GetFullPath(Path.Combine(_root, templateName));
            if (!IsInside(full))
            {
                throw new TemplateAccessException($"template '{templateName}' is outside the templates folder");
            }

            if (File.Exists(full))
            {
                var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                if (target is not null && !IsInside(Path.GetFullPath(target)))
                {
                    throw new TemplateAccessException($"template '{templateName}' links to a file outside the templates folder");
                }

                return full;
            }
        }

        return EmbeddedNames.Contains(templateName, StringComparer.Ordinal)
            ? EmbeddedPrefix + templateName
            : throw new TemplateAccessException(_root is null
                ? $"no built-in template named '{templateName}'"
                : $"template '{templateName}' is neither in {_root} nor built in");
    }

    /// <summary>The template text for a path returned by <see cref="Resolve"/>.</summary>
    public string Read(string templatePath)
    {
        ArgumentNullException.ThrowIfNull(templatePath);
        if (templatePath.StartsWith(EmbeddedPrefix, StringComparison.Ordinal))
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + templatePath[EmbeddedPrefix.Length..])
                ?? throw new TemplateAccessException($"no built-in template named '{templatePath}'");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        // Only paths this loader resolved come back here, but check again rather than trust the caller.
        return IsInside(Path.GetFullPath(templatePath)) ? File.ReadAllText(templatePath) : throw new TemplateAccessException($"template '{templatePath}' is outside the templates folder");
    }

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => Resolve(templateName);

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => Read(templatePath);

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => ValueTask.FromResult<string?>(Read(templatePath));

    private bool IsInside(string fullPath) =>
        _root is not null && fullPath.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
