using AgentCompliance.Core.Results;
using Spectre.Console;

namespace AgentCompliance.Cli.ConsoleOutput;

/// <summary>
/// The gate's part of the end-of-run summary: the verdict, each reason it failed, each waived failure with its
/// justification, owner and expiry, and notes (unused waivers, ignored existing failures). Plain text, never markup.
/// </summary>
public static class GateSummaryRenderer
{
    public static void Render(IAnsiConsole console, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Gate is not { } gate)
        {
            return;
        }

        if (result.Shard is { } shard)
        {
            console.WriteLine($"Shard {shard.Index}/{shard.Count}: {result.Scenarios.Count} of {shard.SelectedTotal} selected scenarios; join the shards with 'agentcompliance merge'");
        }

        var waived = result.Scenarios.Where(s => s.Waiver is not null).ToList();
        if (waived.Count > 0)
        {
            console.WriteLine($"Waived ({waived.Count}):", new Style(Color.Yellow, decoration: Decoration.Bold));
            foreach (var scenario in waived)
            {
                var waiver = scenario.Waiver!;
                console.WriteLine(ConsoleSafeText.Line(
                    $"  - {scenario.Id} {scenario.Name}: {waiver.Justification} (owner {waiver.Owner}, expires {waiver.ExpiresText}, {waiver.Location})"));
            }
        }

        foreach (var note in gate.Notes)
        {
            console.WriteLine(ConsoleSafeText.Line($"Note: {note}"), new Style(Color.Yellow));
        }

        if (gate.Passed)
        {
            console.WriteLine("Gate: PASSED", new Style(Color.Green, decoration: Decoration.Bold));
            return;
        }

        var mode = gate.ReportOnly && !gate.RunIncomplete ? " (report-only: exit code 0)" : string.Empty;
        console.WriteLine($"Gate: FAILED{mode}, {gate.Reasons.Count} reason(s):", new Style(Color.Red, decoration: Decoration.Bold));
        foreach (var reason in gate.Reasons)
        {
            console.WriteLine(ConsoleSafeText.Line($"  - {reason.Message}"));
        }
    }
}
