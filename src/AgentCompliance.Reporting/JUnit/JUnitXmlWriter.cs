using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using AgentCompliance.Core.Results;

namespace AgentCompliance.Reporting.JUnit;

/// <summary>
/// Writes junit.xml in the dialect GitLab, Jenkins and the GitHub test-report actions all read: a root
/// <c>&lt;testsuites&gt;</c>, one <c>&lt;testsuite&gt;</c> per feature file, one <c>&lt;testcase&gt;</c> per
/// scenario or outline example. Undefined, pending and ambiguous scenarios are written as failures because the control
/// was not verified; a CI viewer must never show them green.
/// </summary>
public static class JUnitXmlWriter
{
    /// <summary>Conventional file name inside an output folder.</summary>
    public const string FileName = "junit.xml";

    /// <summary>Longest attribute value (failure/skip message); viewers show it as a one-line title.</summary>
    internal const int MaxMessageLength = 1_000;

    /// <summary>Longest element body (failure details, system-out); results.json keeps everything.</summary>
    internal const int MaxBodyLength = 64 * 1024;

    private const string NotRunMessage = "not run: run interrupted";

    public static void Write(RunResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);

        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            CloseOutput = false,
        };
        using var writer = XmlWriter.Create(destination, settings);
        ToXDocument(result).Save(writer);
    }

    public static XDocument ToXDocument(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);

        var timestamp = FormatTimestamp(result.StartedAt);
        var suites = result.Scenarios
            .GroupBy(s => s.FeatureFile, StringComparer.Ordinal)
            .Select(feature => Suite(feature.ToList(), timestamp, result))
            .ToList();

        // CI gates read the counts, not our attributes: an interrupted run carries one errored test case, so a
        // cancelled or timed-out run can never look green (even a checkpoint written before any scenario finished).
        var incomplete = result.Interrupted ? 1 : 0;
        if (result.Interrupted)
        {
            suites.Add(InterruptionSuite(result, timestamp));
        }

        var summary = result.Summary;
        var waived = Waived(result.Scenarios);
        var elapsed = result.FinishedAt is { } finished ? finished - result.StartedAt : Sum(result.Scenarios);
        var root = new XElement(
            "testsuites",
            new XAttribute("name", "AgentCompliance"),
            new XAttribute("tests", summary.Total + incomplete),
            new XAttribute("failures", summary.Unsuccessful - waived),
            new XAttribute("errors", incomplete),
            new XAttribute("skipped", summary.Skipped + summary.NotRun + waived),
            new XAttribute("time", FormatSeconds(elapsed)),
            new XAttribute("timestamp", timestamp),
            new XAttribute("interrupted", result.Interrupted ? "true" : "false"),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static XElement InterruptionSuite(RunResult run, string timestamp)
    {
        var reason = Line(run.InterruptionReason ?? "the run did not complete");
        return new XElement(
            "testsuite",
            new XAttribute("name", "AgentCompliance run"),
            new XAttribute("tests", 1),
            new XAttribute("failures", 0),
            new XAttribute("errors", 1),
            new XAttribute("skipped", 0),
            new XAttribute("time", "0"),
            new XAttribute("timestamp", timestamp),
            new XElement(
                "testcase",
                new XAttribute("classname", "AgentCompliance run"),
                new XAttribute("name", "run completed"),
                new XAttribute("time", "0"),
                new XElement("error", new XAttribute("message", reason), new XAttribute("type", "interrupted"), reason)));
    }

    private static XElement Suite(IReadOnlyList<ScenarioResult> scenarios, string timestamp, RunResult run)
    {
        var first = scenarios[0];
        var summary = RunSummary.From(scenarios);
        var waived = Waived(scenarios);
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", Line(first.FeatureName)),
            new XAttribute("tests", summary.Total),
            new XAttribute("failures", summary.Unsuccessful - waived),
            new XAttribute("errors", 0),
            new XAttribute("skipped", summary.Skipped + summary.NotRun + waived),
            new XAttribute("time", FormatSeconds(Sum(scenarios))),
            new XAttribute("timestamp", timestamp),
            new XAttribute("file", Line(first.FeatureFile)));

        // Properties are the one place every reader tolerates per-suite metadata; an interrupted run must be
        // visible even to tools that ignore unknown attributes on the root.
        if (run.Interrupted)
        {
            suite.Add(new XElement(
                "properties",
                Property("interrupted", "true"),
                Property("interruptionReason", run.InterruptionReason ?? "unknown")));
        }

        suite.Add(scenarios.Select(TestCase));
        return suite;
    }

    private static XElement TestCase(ScenarioResult scenario)
    {
        var name = scenario.Example is null ? scenario.Name : $"{scenario.Name} [{scenario.Example}]";
        var testCase = new XElement(
            "testcase",
            new XAttribute("classname", Line(scenario.FeatureName)),
            new XAttribute("name", Line(name)),
            new XAttribute("time", FormatSeconds(scenario.Duration)),
            new XAttribute("file", Line(scenario.FeatureFile)),
            new XAttribute("line", Math.Max(scenario.Line, 0)));

        var properties = new List<XElement> { Property("id", scenario.Id) };
        properties.AddRange(scenario.Controls.Select(control => Property("control", control)));
        if (scenario.Severity is not null)
        {
            properties.Add(Property("severity", scenario.Severity));
        }

        testCase.Add(new XElement("properties", properties));

        var outcome = Outcome(scenario);
        if (outcome is not null)
        {
            testCase.Add(outcome);
        }

        var output = SystemOut(scenario);
        if (output.Length > 0)
        {
            testCase.Add(new XElement("system-out", new XText(Body(output))));
        }

        return testCase;
    }

    private static XElement? Outcome(ScenarioResult scenario) => scenario.Status switch
    {
        ResultStatus.Passed => null,

        // An accepted failure must not fail a CI test view, yet stay visible with who accepted it and until when.
        ResultStatus.Failed when scenario.Waiver is { } waiver => new XElement(
            "skipped",
            new XAttribute("message", Line($"waived: {waiver.Justification} (owner {waiver.Owner}, expires {waiver.ExpiresText}, {waiver.Location})")),
            new XText(Body(scenario.ErrorMessage ?? "scenario failed"))),
        ResultStatus.Failed => FailedOutcome(scenario),
        ResultStatus.Undefined => NotVerifiedOutcome(scenario, "undefined"),
        ResultStatus.Pending => NotVerifiedOutcome(scenario, "pending"),
        ResultStatus.Ambiguous => NotVerifiedOutcome(scenario, "ambiguous"),
        ResultStatus.Skipped => new XElement("skipped", new XAttribute("message", IsIgnored(scenario) ? "ignored: tagged @ignore" : "skipped")),
        ResultStatus.NotRun => new XElement("skipped", new XAttribute("message", NotRunMessage)),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario.Status, "unknown result status"),
    };

    private static XElement FailedOutcome(ScenarioResult scenario)
    {
        var step = scenario.Steps.FirstOrDefault(s => s.Status == ResultStatus.Failed);
        var error = scenario.ErrorMessage ?? step?.ErrorMessage ?? "scenario failed";
        var message = step is null ? FirstLine(error) : $"{StepLabel(step)}: {FirstLine(error)}";

        var body = new StringBuilder();
        if (step is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"Failed step: {StepLabel(step)} ({scenario.FeatureFile}:{step.Line})\n\n");
        }

        body.Append(error);
        if (step?.ErrorMessage is { } stepError && scenario.ErrorMessage is not null && stepError != scenario.ErrorMessage)
        {
            body.Append("\n\nStep error:\n").Append(stepError);
        }

        return Failure(message, "failed", body.ToString());
    }

    /// <summary>Undefined, pending and ambiguous: written as failures whose type names the status.</summary>
    private static XElement NotVerifiedOutcome(ScenarioResult scenario, string type)
    {
        var status = scenario.Status;
        var steps = scenario.Steps.Where(s => s.Status == status).ToList();
        var body = new StringBuilder();
        foreach (var step in steps)
        {
            body.Append(CultureInfo.InvariantCulture, $"{Capitalise(type)} step: {StepLabel(step)} ({scenario.FeatureFile}:{step.Line})\n");
            if (step.ErrorMessage is not null)
            {
                body.Append(step.ErrorMessage).Append('\n');
            }

            if (step.Snippet is not null)
            {
                body.Append("Add a step definition:\n").Append(step.Snippet).Append('\n');
            }

            if (step.Candidates.Count > 0)
            {
                body.Append(status == ResultStatus.Ambiguous ? "Matching bindings:\n" : "Closest existing steps:\n");
                foreach (var candidate in step.Candidates)
                {
                    body.Append("  - ").Append(candidate).Append('\n');
                }
            }

            body.Append('\n');
        }

        if (steps.Count == 0 && scenario.ErrorMessage is not null)
        {
            body.Append(scenario.ErrorMessage);
        }

        var message = steps.Count == 0
            ? $"{type}: {FirstLine(scenario.ErrorMessage ?? "control not verified")}"
            : status == ResultStatus.Ambiguous
                ? $"ambiguous step: {StepLabel(steps[0])} matches {steps[0].Candidates.Count} bindings"
                : $"{type} step: {StepLabel(steps[0])}" + (steps[0].Snippet is null ? string.Empty : " (a suggested step definition is in the details)");
        return Failure(message, type, body.ToString().TrimEnd());
    }

    private static XElement Failure(string message, string type, string body) =>
        new("failure", new XAttribute("message", XmlSafeText.CleanLine(message, MaxMessageLength)), new XAttribute("type", type), new XText(Body(body)));

    private static string SystemOut(ScenarioResult scenario)
    {
        var output = new StringBuilder();
        foreach (var step in scenario.Steps)
        {
            output.Append(CultureInfo.InvariantCulture, $"{StatusLabel(step.Status),-9}  {StepLabel(step)}  (line {step.Line}, {FormatSeconds(step.Duration)} s)\n");
            foreach (var evidence in step.Evidence)
            {
                output.Append(CultureInfo.InvariantCulture, $"           evidence [{evidence.Kind}] {FirstLine(evidence.Title)}\n");
            }
        }

        return output.ToString();
    }

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", Line(value)));

    private static bool IsIgnored(ScenarioResult scenario) => scenario.Tags.Any(tag => string.Equals(tag, "ignore", StringComparison.OrdinalIgnoreCase));

    private static string StepLabel(StepResult step) => $"{step.Keyword.Trim()} {step.Text}";

    private static string StatusLabel(ResultStatus status) => status == ResultStatus.NotRun ? "not run" : status.ToString().ToLowerInvariant();

    private static string Capitalise(string word) => string.Concat(word[..1].ToUpperInvariant(), word[1..]);

    private static string FirstLine(string text)
    {
        var trimmed = text.TrimStart();
        var index = trimmed.IndexOfAny(['\r', '\n']);
        return index < 0 ? trimmed : trimmed[..index];
    }

    private static string Line(string? text) => XmlSafeText.CleanLine(text, MaxMessageLength);

    private static string Body(string text) => XmlSafeText.Clean(text, MaxBodyLength);

    private static int Waived(IEnumerable<ScenarioResult> scenarios) => scenarios.Count(s => s.Status == ResultStatus.Failed && s.Waiver is not null);

    private static TimeSpan Sum(IEnumerable<ScenarioResult> scenarios) => scenarios.Aggregate(TimeSpan.Zero, (total, s) => total + s.Duration);

    private static string FormatSeconds(TimeSpan duration) =>
        Math.Max(duration.TotalSeconds, 0).ToString("0.###", CultureInfo.InvariantCulture);

    // The Ant JUnit schema's form (no offset) is the one every reader parses; written in UTC.
    private static string FormatTimestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
