using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AgentCompliance.Core.Gating;
using AgentCompliance.Core.Results;
using Spectre.Console;

namespace AgentCompliance.Cli.Output;

/// <summary>
/// Writes a <see cref="RunDiff"/> as a table for people, JSON for tools or Markdown for a pull-request comment or a
/// CI job summary. JSON shape (fields only ever added; <c>formatVersion</c> changes otherwise):
/// <code>
/// { "formatVersion": 1, "counts": { "regressions", "fixes", "added", "removed", "stillFailing", "unchanged" },
///   "regressions"|"fixes"|"added"|"removed": [ { "fingerprint", "id", "name", "example"|null, "before"|null, "after"|null } ] }
/// </code>
/// Statuses are results.json's: passed, failed, undefined, pending, ambiguous, skipped, notRun.
/// </summary>
internal static class RunDiffWriter
{
    public const int FormatVersion = 1;

    public static void WriteTable(IAnsiConsole console, RunDiff diff)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(diff);
        var table = new Table();
        table.AddColumn(new TableColumn("Change") { NoWrap = true });
        table.AddColumn(new TableColumn("Scenario") { NoWrap = true });
        table.AddColumn(new TableColumn("Name"));
        table.AddColumn(new TableColumn("Before → after") { NoWrap = true });
        foreach (var (label, change) in Sections(diff).SelectMany(section => section.Changes.Select(change => (section.Label, change))))
        {
            table.AddRow(new Text(label), new Text(change.Id), new Text(change.DisplayName), new Text($"{Status(change.Before)} → {Status(change.After)}"));
        }

        if (table.Rows.Count > 0)
        {
            console.Write(table);
        }

        console.WriteLine(Totals(diff));
    }

    public static void WriteMarkdown(TextWriter output, RunDiff diff)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(diff);
        var text = new StringBuilder();
        text.Append("## AgentCompliance: changes between runs\n\n").Append(Totals(diff)).Append("\n");
        foreach (var (label, changes) in Sections(diff).Where(section => section.Changes.Count > 0))
        {
            text.Append("\n### ").Append(label).Append(" (").Append(changes.Count).Append(")\n\n| Scenario | Name | Before | After |\n|---|---|---|---|\n");
            foreach (var change in changes)
            {
                text.Append("| `").Append(Cell(change.Id)).Append("` | ").Append(Cell(change.DisplayName)).Append(" | ")
                    .Append(Status(change.Before)).Append(" | ").Append(Status(change.After)).Append(" |\n");
            }
        }

        output.Write(text.ToString());
    }

    public static void WriteJson(TextWriter output, RunDiff diff)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(diff);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteStartObject("counts");
            json.WriteNumber("regressions", diff.Regressions.Count);
            json.WriteNumber("fixes", diff.Fixes.Count);
            json.WriteNumber("added", diff.Added.Count);
            json.WriteNumber("removed", diff.Removed.Count);
            json.WriteNumber("stillFailing", diff.StillFailing);
            json.WriteNumber("unchanged", diff.Unchanged);
            json.WriteEndObject();
            foreach (var (name, changes) in new[] { ("regressions", diff.Regressions), ("fixes", diff.Fixes), ("added", diff.Added), ("removed", diff.Removed) })
            {
                json.WriteStartArray(name);
                foreach (var change in changes)
                {
                    json.WriteStartObject();
                    json.WriteString("fingerprint", change.Fingerprint);
                    json.WriteString("id", change.Id);
                    json.WriteString("name", change.Name);
                    json.WriteString("example", change.Example);
                    json.WriteString("before", change.Before is { } before ? JsonStatus(before) : null);
                    json.WriteString("after", change.After is { } after ? JsonStatus(after) : null);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static (string Label, IReadOnlyList<ScenarioChange> Changes)[] Sections(RunDiff diff) =>
        [("Regressions", diff.Regressions), ("Fixes", diff.Fixes), ("Added", diff.Added), ("Removed", diff.Removed)];

    private static string Totals(RunDiff diff) =>
        $"{diff.Regressions.Count} regression(s), {diff.Fixes.Count} fix(es), {diff.Added.Count} added, {diff.Removed.Count} removed, {diff.StillFailing} still failing, {diff.Unchanged} unchanged";

    private static string Status(ResultStatus? status) => status is { } value ? JsonStatus(value) : "—";

    private static string JsonStatus(ResultStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    // Scenario names are user text: a pipe or a line break would break the Markdown table.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
