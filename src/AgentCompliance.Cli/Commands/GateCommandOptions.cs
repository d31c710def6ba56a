using System.CommandLine;
using AgentCompliance.Core.Configuration;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// The gate's command-line options, shared by <c>run</c> and <c>merge</c> so both gate a run the same way:
/// <c>--waivers</c>, <c>--baseline</c>, <c>--fail-on</c> and <c>--fail-on-severity</c>.
/// </summary>
internal sealed class GateCommandOptions
{
    private readonly Option<string?> _waivers = new("--waivers") { Description = "Waiver file (justification, owner, expiry per control, scenario or fingerprint). Default: the profile's waivers.", HelpName = "FILE" };
    private readonly Option<string?> _baseline = new("--baseline") { Description = "results.json of an earlier run: each failure is marked new or existing. Default: the profile's baseline.", HelpName = "FILE" };
    private readonly Option<string?> _failOn = new("--fail-on") { Description = "Which failures fail the gate: all, or only new ones (needs a baseline). Default: the profile's gate.failOn, else all.", HelpName = "all|new" };
    private readonly Option<string?> _failOnSeverity = new("--fail-on-severity") { Description = "Least severity of a failed scenario that fails the gate. Default: the profile's gate.failOnSeverity, else high.", HelpName = "LEVEL" };

    public GateCommandOptions()
    {
        _failOn.AcceptOnlyFromAmong("all", "new");
        _failOnSeverity.AcceptOnlyFromAmong("critical", "high", "medium", "low", "info");
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_waivers);
        command.Options.Add(_baseline);
        command.Options.Add(_failOn);
        command.Options.Add(_failOnSeverity);
    }

    public RunGateOptions Read(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return new RunGateOptions(
            parseResult.GetValue(_waivers),
            parseResult.GetValue(_baseline),
            parseResult.GetValue(_failOn) is { } on ? Enum.Parse<GateFailOn>(on, ignoreCase: true) : null,
            parseResult.GetValue(_failOnSeverity) is { } level ? Enum.Parse<SeverityThreshold>(level, ignoreCase: true) : null);
    }
}
