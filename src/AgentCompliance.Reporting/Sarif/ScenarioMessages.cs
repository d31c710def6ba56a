using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;

namespace AgentCompliance.Reporting.Sarif;

/// <summary>
/// The text CI outputs show for a scenario that did not verify its control: SARIF messages, annotations and the job
/// summary say the same thing. The scenario's text is already redacted (once, before any writer sees the run).
/// </summary>
public static class ScenarioMessages
{
    /// <summary>Scenario name and what went wrong: the failure message, or which step was undefined, pending or ambiguous.</summary>
    public static string Describe(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var name = scenario.Example is null ? scenario.Name : $"{scenario.Name} [{scenario.Example}]";
        return $"{name}: {Problem(scenario)}";
    }

    /// <summary>What went wrong, without the scenario name.</summary>
    public static string Problem(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var status = scenario.Status;
        if (status == ResultStatus.Failed)
        {
            var step = scenario.Steps.FirstOrDefault(s => s.Status == ResultStatus.Failed);
            return scenario.ErrorMessage ?? step?.ErrorMessage ?? "scenario failed";
        }

        var word = status.ToString().ToLowerInvariant();
        var notVerified = scenario.Steps.FirstOrDefault(s => s.Status == status);
        return notVerified is null
            ? $"{word}: control not verified{(scenario.ErrorMessage is { } error ? $" ({error})" : string.Empty)}"
            : $"{word} step '{notVerified.Keyword.Trim()} {notVerified.Text}': control not verified";
    }

    /// <summary>
    /// The message on one line, for a table cell: its first non-empty line, and when that line only introduces a list
    /// (ends with ':'), the list's first item after it and how many more there are, so the cell names the problem.
    /// </summary>
    public static string Headline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return string.Empty;
        }

        if (!lines[0].EndsWith(':') || lines.Length == 1)
        {
            return lines[0];
        }

        var more = lines.Length - 2;
        return $"{lines[0]} {lines[1].TrimStart('-', ' ')}{(more > 0 ? $" (and {more} more)" : string.Empty)}";
    }

    /// <summary><c>reason (owner X, expires YYYY-MM-DD)</c>: how a waiver is quoted next to the failure it accepts.</summary>
    public static string WaiverJustification(Waiver waiver)
    {
        ArgumentNullException.ThrowIfNull(waiver);
        return $"{waiver.Justification} (owner {waiver.Owner}, expires {waiver.ExpiresText})";
    }
}
