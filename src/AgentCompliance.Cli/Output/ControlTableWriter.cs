using AgentCompliance.Core.Catalog;
using Spectre.Console;

namespace AgentCompliance.Cli.Output;

/// <summary>Human-readable listing: one table per framework, crosswalk in both directions.</summary>
internal static class ControlTableWriter
{
    public static void Write(IAnsiConsole console, ControlCatalog catalog, IReadOnlyList<Framework> frameworks)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(frameworks);

        var total = 0;
        foreach (var framework in frameworks)
        {
            var table = new Table { Title = new TableTitle(Markup.Escape($"{framework.Name} [{framework.Id}]"), new Style(decoration: Decoration.Bold)) };
            table.AddColumn(new TableColumn("ID") { NoWrap = true });
            table.AddColumn(new TableColumn("Name"));
            table.AddColumn(new TableColumn("Kind") { NoWrap = true });
            table.AddColumn(new TableColumn("Testable") { NoWrap = true });
            table.AddColumn(new TableColumn("Related"));

            foreach (var control in catalog.Controls.Where(control => control.FrameworkId == framework.Id))
            {
                table.AddRow(
                    new Text(control.Id),
                    new Text(control.Name),
                    new Text(control.Kind.ToString().ToLowerInvariant()),
                    new Text(control.Testable ? "yes" : "process"),
                    new Text(string.Join(", ", catalog.Related(control).Select(related => related.Id))));
                total++;
            }

            console.Write(table);
            console.WriteLine();
        }

        console.WriteLine($"{total} controls in {frameworks.Count} framework(s). 'process' marks controls evidenced by documents rather than by a technical test.");
    }
}
