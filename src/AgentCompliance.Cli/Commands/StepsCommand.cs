using System.CommandLine;
using AgentCompliance.Cli.Output;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Reporting.Output;
using AgentCompliance.Scenarios.Bindings;
using AgentCompliance.Scenarios.Hosting;
using AgentCompliance.Steps;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// <c>agentcompliance steps [--bindings DLL]… [--format markdown|json] [--out FILE]</c>: lists every step the built-in
/// library and the given binding DLLs define, with pattern, parameters, description and example taken from the
/// bindings and their XML documentation, so the reference never drifts from the code (docs/steps.md is its output).
/// </summary>
internal static class StepsCommand
{
    private const string Markdown = "markdown";
    private const string Json = "json";

    public static Command Create(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);

        var bindings = new Option<string[]>("--bindings")
        {
            Description = "Also list the steps of this binding assembly (.dll); its XML documentation file next to it supplies descriptions. Repeatable.",
            HelpName = "DLL",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: markdown for people (the step reference), json for tools.",
            DefaultValueFactory = _ => Markdown,
        };
        format.AcceptOnlyFromAmong(Markdown, Json);
        var outFile = new Option<string?>("--out") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };

        var command = new Command("steps", "List every step definition (built-in library and --bindings DLLs) with pattern, parameters, description and example.");
        command.Options.Add(bindings);
        command.Options.Add(format);
        command.Options.Add(outFile);
        command.SetAction(parseResult => Run(
            output,
            parseResult.GetValue(bindings) ?? [],
            parseResult.GetValue(format) ?? Markdown,
            parseResult.GetValue(outFile)));
        return command;
    }

    private static int Run(TextWriter output, IReadOnlyList<string> bindingPaths, string format, string? outFile)
    {
        var userAssemblies = BindingAssemblyFiles.Load(bindingPaths, Environment.CurrentDirectory);
        var catalog = StepCatalog.Load([StepLibrary.Assembly, .. userAssemblies]);
        var text = format == Json ? StepJsonWriter.Write(catalog) : StepMarkdownWriter.Write(catalog);
        if (outFile is null)
        {
            output.Write(text);
            return ExitCodes.Success;
        }

        try
        {
            var fullPath = Path.GetFullPath(outFile);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            AtomicFile.Write(fullPath, stream =>
            {
                using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
                writer.Write(text);
            });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(new InputProblem(outFile, 0, 0, $"cannot write the step reference: {exception.Message}", "pass --out with a writable path"));
        }

        return ExitCodes.Success;
    }
}
