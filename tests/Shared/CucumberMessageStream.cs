using System.Text.Json;

namespace AgentCompliance.Tests;

/// <summary>
/// A <c>messages.ndjson</c> file read as a Cucumber consumer reads it, line by line, with the protocol rules consumers
/// rely on checked in <see cref="Problems"/>: every line one JSON envelope, meta first and testRunFinished last, ids
/// unique and defined before they are referenced, and each test case's events in order. Linked into the test projects
/// that check the engine's messages.
/// </summary>
internal sealed class CucumberMessageStream
{
    // Cucumber's order of severity: a test case has the status of its worst step.
    private static readonly string[] Severity = ["UNKNOWN", "PASSED", "SKIPPED", "PENDING", "UNDEFINED", "AMBIGUOUS", "FAILED"];

    private readonly List<string> _problems = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _astLines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _pickles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pickleSteps = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stepDefinitions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hooks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string PickleId, List<string> Steps)> _testCases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpenTestCase> _open = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _statusByScenario = new(StringComparer.Ordinal);
    private string? _testRunStartedId;

    private CucumberMessageStream(IReadOnlyList<string> lines)
    {
        var envelopes = new List<(string Kind, JsonElement Body)>();
        for (var index = 0; index < lines.Count; index++)
        {
            var line = index + 1;
            JsonElement root;
            try
            {
                root = JsonSerializer.Deserialize<JsonElement>(lines[index]);
            }
            catch (JsonException exception)
            {
                _problems.Add($"line {line} is not JSON: {exception.Message}");
                continue;
            }

            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Count() != 1)
            {
                _problems.Add($"line {line} is not one envelope");
                continue;
            }

            var property = root.EnumerateObject().Single();
            envelopes.Add((property.Name, property.Value));
            Check(line, property.Name, property.Value);
        }

        Envelopes = envelopes;
        if (envelopes.Count == 0 || envelopes[0].Kind != "meta")
        {
            _problems.Add("the first envelope is not meta");
        }

        if (envelopes.Count == 0 || envelopes[^1].Kind != "testRunFinished" || envelopes.Count(envelope => envelope.Kind == "testRunFinished") != 1)
        {
            _problems.Add("testRunFinished is not the last envelope, exactly once");
        }

        _problems.AddRange(_open.Keys.Select(id => $"test case started as {id} never finished"));
    }

    public IReadOnlyList<(string Kind, JsonElement Body)> Envelopes { get; }

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Each finished test case's status (its worst step's), by scenario id (<c>uri:line</c>).</summary>
    public IReadOnlyDictionary<string, string> StatusByScenario => _statusByScenario;

    /// <summary>Pickle names by scenario id (<c>uri:line</c> of the scenario or the example row).</summary>
    public IReadOnlyDictionary<string, string> PickleNamesByScenario =>
        _pickles.Values.ToDictionary(ScenarioId, pickle => pickle.GetProperty("name").GetString()!, StringComparer.Ordinal);

    public JsonElement TestRunFinished => Envelopes.Last(envelope => envelope.Kind == "testRunFinished").Body;

    public static CucumberMessageStream Read(string path)
    {
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        if (lines[^1].Length != 0)
        {
            // The last line is cut off: the file does not end with a newline.
            return new CucumberMessageStream([.. lines.SkipLast(1), "(incomplete line) " + lines[^1]]);
        }

        return new CucumberMessageStream(lines[..^1]);
    }

    public int Count(string kind) => Envelopes.Count(envelope => envelope.Kind == kind);

    public IEnumerable<JsonElement> All(string kind) => Envelopes.Where(envelope => envelope.Kind == kind).Select(envelope => envelope.Body);

    private void Check(int line, string kind, JsonElement body)
    {
        switch (kind)
        {
            case "source":
                _sources.Add(Text(body, "uri"));
                break;
            case "gherkinDocument":
                Require(line, _sources.Contains(Text(body, "uri")), "its source");
                DefineAstNodes(line, body);
                break;
            case "pickle":
                Define(line, Text(body, "id"));
                _pickles[Text(body, "id")] = body;
                Require(line, _sources.Contains(Text(body, "uri")), "its source");
                RequireAstNodes(line, body);
                foreach (var step in body.GetProperty("steps").EnumerateArray())
                {
                    Define(line, Text(step, "id"));
                    _pickleSteps.Add(Text(step, "id"));
                    RequireAstNodes(line, step);
                }

                break;
            case "stepDefinition":
                Define(line, Text(body, "id"));
                _stepDefinitions.Add(Text(body, "id"));
                break;
            case "hook":
                Define(line, Text(body, "id"));
                _hooks.Add(Text(body, "id"));
                break;
            case "testRunStarted":
                Define(line, Text(body, "id"));
                _testRunStartedId = Text(body, "id");
                break;
            case "testCase":
                CheckTestCase(line, body);
                break;
            case "suggestion":
                Define(line, Text(body, "id"));
                Require(line, _pickleSteps.Contains(Text(body, "pickleStepId")), "its pickle step");
                break;
            case "testCaseStarted":
                Define(line, Text(body, "id"));
                if (Require(line, _testCases.ContainsKey(Text(body, "testCaseId")), "its test case"))
                {
                    _open[Text(body, "id")] = new OpenTestCase(Text(body, "testCaseId"));
                }

                break;
            case "testStepStarted":
                if (OpenCase(line, body) is { } started)
                {
                    var expected = started.NextStep < _testCases[started.TestCaseId].Steps.Count ? _testCases[started.TestCaseId].Steps[started.NextStep] : null;
                    Require(line, started.RunningStep is null && Text(body, "testStepId") == expected, "the test case's next step, not started yet");
                    started.RunningStep = Text(body, "testStepId");
                }

                break;
            case "attachment":
                if (body.TryGetProperty("testCaseStartedId", out _) && OpenCase(line, body) is { } attachedTo)
                {
                    Require(line, attachedTo.RunningStep == Text(body, "testStepId"), "the step running now");
                }

                break;
            case "testStepFinished":
                if (OpenCase(line, body) is { } running)
                {
                    Require(line, running.RunningStep == Text(body, "testStepId"), "the step running now");
                    running.RunningStep = null;
                    running.NextStep++;
                    var status = body.GetProperty("testStepResult").GetProperty("status").GetString()!;
                    running.Worst = Array.IndexOf(Severity, status) > Array.IndexOf(Severity, running.Worst) ? status : running.Worst;
                }

                break;
            case "testCaseFinished":
                if (OpenCase(line, body) is { } finished)
                {
                    Require(line, finished.RunningStep is null && finished.NextStep == _testCases[finished.TestCaseId].Steps.Count, "every step of the test case finished");
                    _open.Remove(Text(body, "testCaseStartedId"));
                    _finished.Add(Text(body, "testCaseStartedId"));
                    _statusByScenario[ScenarioId(_pickles[_testCases[finished.TestCaseId].PickleId])] = finished.Worst;
                }

                break;
            case "testRunFinished":
                Require(line, Text(body, "testRunStartedId") == _testRunStartedId, "testRunStarted");
                break;
            default:
                break;
        }
    }

    private void CheckTestCase(int line, JsonElement body)
    {
        Define(line, Text(body, "id"));
        Require(line, _pickles.ContainsKey(Text(body, "pickleId")), "its pickle");
        Require(line, Text(body, "testRunStartedId") == _testRunStartedId, "testRunStarted");
        var pickleSteps = _pickles.TryGetValue(Text(body, "pickleId"), out var pickle)
            ? pickle.GetProperty("steps").EnumerateArray().Select(step => Text(step, "id")).ToHashSet()
            : [];
        var steps = new List<string>();
        foreach (var step in body.GetProperty("testSteps").EnumerateArray())
        {
            Define(line, Text(step, "id"));
            steps.Add(Text(step, "id"));
            if (step.TryGetProperty("pickleStepId", out var pickleStepId))
            {
                Require(line, pickleSteps.Contains(pickleStepId.GetString()!), "a step of its own pickle");
                foreach (var definition in step.GetProperty("stepDefinitionIds").EnumerateArray())
                {
                    Require(line, _stepDefinitions.Contains(definition.GetString()!), "its step definitions");
                }
            }
            else
            {
                Require(line, step.TryGetProperty("hookId", out var hookId) && _hooks.Contains(hookId.GetString()!), "its hook");
            }
        }

        _testCases[Text(body, "id")] = (Text(body, "pickleId"), steps);
    }

    private OpenTestCase? OpenCase(int line, JsonElement body)
    {
        var id = Text(body, "testCaseStartedId");
        return _open.TryGetValue(id, out var open) ? open : Fail(line, _finished.Contains(id) ? "a test case still running" : "a started test case");
    }

    private OpenTestCase? Fail(int line, string what)
    {
        _problems.Add($"line {line} refers to {what} that is not");
        return null;
    }

    private void Define(int line, string id)
    {
        if (!_ids.Add(id))
        {
            _problems.Add($"line {line} defines id {id} a second time");
        }
    }

    private bool Require(int line, bool condition, string what)
    {
        if (!condition)
        {
            _problems.Add($"line {line} refers to {what}, which is not defined before it");
        }

        return condition;
    }

    private void DefineAstNodes(int line, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                Define(line, id.GetString()!);
                if (element.TryGetProperty("location", out var location))
                {
                    _astLines[id.GetString()!] = location.GetProperty("line").GetInt32();
                }
            }

            foreach (var property in element.EnumerateObject())
            {
                DefineAstNodes(line, property.Value);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                DefineAstNodes(line, item);
            }
        }
    }

    private void RequireAstNodes(int line, JsonElement node)
    {
        foreach (var id in node.GetProperty("astNodeIds").EnumerateArray())
        {
            Require(line, _astLines.ContainsKey(id.GetString()!), "its Gherkin document's nodes");
        }
    }

    // The scenario's own line, or its example row's for outline examples, as in the results' scenario ids.
    private string ScenarioId(JsonElement pickle) =>
        $"{Text(pickle, "uri")}:{_astLines.GetValueOrDefault(pickle.GetProperty("astNodeIds").EnumerateArray().Last().GetString()!)}";

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    private sealed class OpenTestCase(string testCaseId)
    {
        public string TestCaseId { get; } = testCaseId;

        public int NextStep { get; set; }

        public string? RunningStep { get; set; }

        public string Worst { get; set; } = "UNKNOWN";
    }
}
