using System.CommandLine;
using AgentCompliance.Cli.Scaffolding;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// <c>agentcompliance init [DIR] [--force]</c>: scaffolds a compliance project that runs straight away (see
/// <see cref="ProjectScaffold"/>), prints each file it wrote and the commands to run next. Existing files are never
/// overwritten without --force: if any exists, nothing is written and each is named (exit 2).
/// </summary>
internal static class InitCommand
{
    public static Command Create(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);

        var directory = new Argument<string>("DIR")
        {
            Description = "Folder to create the project in (created when missing). Default: the current folder.",
            DefaultValueFactory = _ => ".",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite files of the scaffold that already exist." };

        var command = new Command("init", "Scaffold a compliance project: profile, system model, two example scenarios, waivers and a CI workflow.")
        {
            directory,
            force,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(directory) ?? ".", parseResult.GetValue(force), output));
        return command;
    }

    internal static int Run(string directory, bool force, TextWriter output)
    {
        var written = ProjectScaffold.Write(directory, force);
        foreach (var path in written)
        {
            output.WriteLine($"wrote {ProjectScaffold.DisplayPath(path)}");
        }

        var root = Path.GetFullPath(directory);
        output.WriteLine();
        output.WriteLine("Next steps:");
        if (!string.Equals(Path.TrimEndingDirectorySeparator(root), Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory), StringComparison.Ordinal))
        {
            output.WriteLine($"  cd {ProjectScaffold.DisplayPath(root)}");
        }

        output.WriteLine("  agentcompliance validate --profile agentcompliance.yaml    # check the profile, system model and features");
        output.WriteLine("  agentcompliance run --profile agentcompliance.yaml         # run both example scenarios (they pass) into reports/");
        output.WriteLine("  agentcompliance steps                                       # the step library for writing your own scenarios");
        output.WriteLine("  agentcompliance controls                                    # control IDs to tag them with");
        output.WriteLine("Then describe your deployment in agentcompliance.yaml and system-model.yaml, and commit");
        output.WriteLine(".github/workflows/agentcompliance.yml to gate releases on the result.");
        return ExitCodes.Success;
    }
}
