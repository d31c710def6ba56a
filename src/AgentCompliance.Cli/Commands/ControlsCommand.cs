using System.CommandLine;
using AgentCompliance.Cli.ConsoleOutput;
using AgentCompliance.Cli.Output;
using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// <c>agentcompliance controls [--framework X] [--format table|json|markdown] [--catalog FILE]…</c>: lists the control
/// catalog so people can find the IDs to tag scenarios with, and tools can read the crosswalk.
/// </summary>
internal static class ControlsCommand
{
    private const string Table = "table";
    private const string Json = "json";
    private const string Markdown = "markdown";

    public static Command Create(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);

        var framework = new Option<string?>("--framework", "-f")
        {
            Description = "Only list one framework, by id (asi, nhi, maestro, nist-ai-rmf, llm, agentic-threats) or prefix (ASI, NHI, MAESTRO, NIST, LLM, T).",
            HelpName = "framework",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: table for people, json for tools (stable shape, see formatVersion), markdown for documents.",
            DefaultValueFactory = _ => Table,
        };
        format.AcceptOnlyFromAmong(Table, Json, Markdown);
        var catalogs = new Option<string[]>("--catalog")
        {
            Description = "Add a user catalog (JSON, same format as the built-in ones: Schemas/catalog.schema.json). Repeatable.",
            HelpName = "file",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var command = new Command("controls", "List the framework controls (IDs, names, crosswalk) that scenarios, rules and reports refer to.");
        command.Options.Add(framework);
        command.Options.Add(format);
        command.Options.Add(catalogs);
        command.SetAction(parseResult => Run(
            output,
            parseResult.GetValue(framework),
            parseResult.GetValue(format) ?? Table,
            parseResult.GetValue(catalogs) ?? []));
        return command;
    }

    private static int Run(TextWriter output, string? frameworkFilter, string format, IReadOnlyList<string> catalogPaths)
    {
        var catalog = LoadCatalog(catalogPaths);
        IReadOnlyList<Framework> frameworks;
        if (frameworkFilter is null)
        {
            frameworks = catalog.Frameworks;
        }
        else if (catalog.TryFindFramework(frameworkFilter, out var selected))
        {
            frameworks = [selected];
        }
        else
        {
            throw new InvalidInputException(new InputProblem("--framework", 0, 0, catalog.UnknownFrameworkMessage(frameworkFilter), "give a framework id or prefix"));
        }

        switch (format)
        {
            case Json:
                ControlJsonWriter.Write(output, catalog, frameworks);
                break;
            case Markdown:
                ControlMarkdownWriter.Write(output, catalog, frameworks);
                break;
            default:
                ControlTableWriter.Write(CommandConsole.Create(output), catalog, frameworks);
                break;
        }

        return ExitCodes.Success;
    }

    private static ControlCatalog LoadCatalog(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return ControlCatalog.BuiltIn;
        }

        // Read every file before failing, so one run reports all broken catalogs.
        var documents = new List<CatalogDocument>();
        var problems = new List<InputProblem>();
        foreach (var path in paths)
        {
            try
            {
                documents.Add(ControlCatalog.LoadJsonCatalogFile(path));
            }
            catch (InvalidInputException invalid)
            {
                problems.AddRange(invalid.Problems);
            }
        }

        return problems.Count == 0 ? ControlCatalog.Create(documents) : throw new InvalidInputException(problems);
    }
}
