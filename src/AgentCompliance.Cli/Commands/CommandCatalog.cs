using System.CommandLine;

namespace AgentCompliance.Cli.Commands;

/// <summary>Every sub-command of <c>agentcompliance</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return
        [
            RunCommand.Create(output),
            MergeCommand.Create(output),
            DiffCommand.Create(output),
            DemoCommand.Create(output),
            ValidateCommand.Create(output),
            AnalyzeCommand.Create(output),
            ThreatModelCommand.Create(output),
            ControlsCommand.Create(output),
            StepsCommand.Create(output),
            SchemaCommand.Create(output),
            InitCommand.Create(output),
        ];
    }
}
