using System.CommandLine;
using AgentCompliance.Cli.Output;
using AgentCompliance.Core.Configuration;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// <c>agentcompliance schema &lt;profile|system-model|risk-tracking|threat-model|waivers&gt; [--format json|markdown]</c>: prints an
/// embedded JSON Schema so users can save it for their editor (e.g. <c>agentcompliance schema profile &gt; profile.schema.json</c>),
/// or its Markdown reference (what docs/reference is generated from).
/// </summary>
internal static class SchemaCommand
{
    private static readonly Dictionary<string, string> Schemas = new(StringComparer.Ordinal)
    {
        ["profile"] = SchemaResources.Profile,
        ["system-model"] = SchemaResources.SystemModel,
        ["risk-tracking"] = SchemaResources.RiskTracking,
        ["threat-model"] = SchemaResources.ThreatModel,
        ["waivers"] = SchemaResources.Waivers,
    };

    public static Command Create(TextWriter output)
    {
        var kind = new Argument<string>("kind") { Description = "Which schema: profile, system-model, risk-tracking, threat-model or waivers." };
        kind.AcceptOnlyFromAmong([.. Schemas.Keys]);

        var format = new Option<string>("--format")
        {
            Description = "json (the schema itself) or markdown (a reference of every key).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "markdown");

        var command = new Command("schema", "Print the JSON Schema of a profile, system model, risk tracking file or threat-model.json or waiver file, or its Markdown reference.") { kind, format };
        command.SetAction(parseResult =>
        {
            var name = parseResult.GetValue(kind)!;
            var schema = SchemaResources.GetText(Schemas[name]);
            output.Write(parseResult.GetValue(format) == "markdown" ? SchemaMarkdownWriter.Render(schema, name) : schema);
            return 0;
        });
        return command;
    }
}
