using AgentCompliance.Core.Catalog;

namespace AgentCompliance.Cli.Output;

/// <summary>Markdown listing for assessors and docs: one table per framework.</summary>
internal static class ControlMarkdownWriter
{
    public static void Write(TextWriter output, ControlCatalog catalog, IReadOnlyList<Framework> frameworks)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(frameworks);

        output.WriteLine("# Control catalog");
        foreach (var framework in frameworks)
        {
            output.WriteLine();
            output.WriteLine($"## {Escape(framework.Name)} (`{framework.Id}`)");
            output.WriteLine();
            var facts = new[]
            {
                framework.Version is null ? null : $"Version: {Escape(framework.Version)}.",
                framework.Reference is null ? null : $"Source: {Escape(framework.Reference)}.",
                framework.Prefixes.Count == 0 ? null : $"Prefixes: {string.Join(", ", framework.Prefixes.Select(prefix => $"`{prefix}`"))}.",
            };
            output.WriteLine(string.Join(" ", facts.Where(fact => fact is not null)));
            if (framework.Notes is not null)
            {
                output.WriteLine();
                output.WriteLine($"> {Escape(framework.Notes)}");
            }

            output.WriteLine();
            output.WriteLine("| ID | Name | Kind | Parent | Testable | Related | Description |");
            output.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var control in catalog.Controls.Where(control => control.FrameworkId == framework.Id))
            {
                var related = string.Join(", ", catalog.Related(control).Select(other => other.Id));
                output.WriteLine(
                    $"| {Escape(control.Id)} | {Escape(control.Name)} | {control.Kind.ToString().ToLowerInvariant()} | {Escape(control.Parent ?? string.Empty)} | " +
                    $"{(control.Testable ? "yes" : "process")} | {Escape(related)} | {Escape(control.Description)} |");
            }
        }
    }

    // Table cells are single-line and '|' ends a cell.
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
