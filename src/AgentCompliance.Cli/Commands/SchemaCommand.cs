using System.CommandLine;
using AgentCompliance.Core.Configuration;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// <c>agentcompliance schema &lt;profile|system-model|risk-tracking|threat-model|waivers&gt;</c>: prints an embedded JSON Schema so users can save it for
/// their editor (e.g. <c>agentcompliance schema profile &gt; profile.schema.json</c>).
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

        var command = new Command("schema", "Print the JSON Schema of a profile, system model, risk tracking file, threat-model.json or waiver file, for editors.") { kind };
        command.SetAction(parseResult =>
        {
            output.Write(SchemaResources.GetText(Schemas[parseResult.GetValue(kind)!]));
            return 0;
        });
        return command;
    }
}
