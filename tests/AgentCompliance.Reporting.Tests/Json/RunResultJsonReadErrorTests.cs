using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Reporting.Json;

namespace AgentCompliance.Reporting.Tests.Json;

public sealed class RunResultJsonReadErrorTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "read-errors", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Syntax_error_is_reported_with_file_line_and_column()
    {
        var json = Valid();
        var (line, _) = LocationOf(json, "\"toolVersion\"");
        var path = WriteFile(json.Replace("\"toolVersion\":", "\"toolVersion\" ", StringComparison.Ordinal));

        var problem = SingleProblem(() => RunResultJson.Read(path));

        Assert.Multiple(() =>
        {
            Assert.That(problem.File, Is.EqualTo(path));
            Assert.That(problem.Line, Is.EqualTo(line));
            Assert.That(problem.Column, Is.GreaterThan(1));
            Assert.That(problem.Message, Does.StartWith("not valid JSON"));
            Assert.That(problem.ToString(), Does.StartWith($"{path}:{line}:"));
        });
    }

    [Test]
    public void Unknown_status_is_reported_where_it_is()
    {
        var json = Valid();
        var (line, _) = LocationOf(json, "\"status\": \"pending\"");
        var index = json.IndexOf("\"status\": \"pending\"", StringComparison.Ordinal);
        var path = WriteFile(string.Concat(json.AsSpan(0, index), "\"status\": \"green\"", json.AsSpan(index + "\"status\": \"pending\"".Length)));

        var problem = SingleProblem(() => RunResultJson.Read(path));

        Assert.Multiple(() =>
        {
            Assert.That(problem.Line, Is.EqualTo(line));
            Assert.That(problem.Column, Is.GreaterThan(0));
            Assert.That(problem.Message, Does.Contain("'green' is not one of passed, failed"));
            Assert.That(problem.Message, Does.EndWith("at scenarios[4].status"));
            Assert.That(problem.Hint, Does.Contain("results.schema.json"));
        });
    }

    [Test]
    public void Unknown_and_missing_properties_are_named()
    {
        var json = Valid()
            .Replace("\"toolVersion\": \"0.1.0-test\",", "\"toolVersoin\": \"0.1.0-test\",", StringComparison.Ordinal);
        var path = WriteFile(json);

        var exception = Assert.Throws<InvalidInputException>(() => RunResultJson.Read(path));

        var messages = exception!.Problems.Select(p => p.Message).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(messages, Has.Some.EqualTo("unknown property 'toolVersoin' at document root"));
            Assert.That(messages, Has.Some.EqualTo("missing property 'toolVersion' at document root"));
            Assert.That(exception.Problems.Select(p => p.File), Is.All.EqualTo(path));
        });
    }

    [Test]
    public void Number_too_large_for_a_line_is_reported_at_its_line()
    {
        var json = Valid();
        var (line, _) = LocationOf(json, "\"line\": 14,");

        var problem = SingleProblem(() => RunResultJson.Parse(json.Replace("\"line\": 14,", "\"line\": 99999999999,", StringComparison.Ordinal), "baseline.json"));

        Assert.Multiple(() =>
        {
            Assert.That(problem.Line, Is.EqualTo(line));
            Assert.That(problem.Message, Does.EndWith("at scenarios[1].line"));
        });
    }

    [Test]
    public void Missing_file_is_invalid_input_naming_the_path()
    {
        var path = Path.Combine(_directory, "absent.json");

        var problem = SingleProblem(() => RunResultJson.Read(path));

        Assert.Multiple(() =>
        {
            Assert.That(problem.File, Is.EqualTo(path));
            Assert.That(problem.Message, Does.Contain("not found"));
        });
    }

    [Test]
    public void Empty_file_says_so()
    {
        var problem = SingleProblem(() => RunResultJson.Read(WriteFile("  \n")));

        Assert.That(problem.Message, Is.EqualTo("results file is empty"));
    }

    [Test]
    public void Trailing_content_after_the_document_is_reported_at_its_line()
    {
        var json = Valid();
        var lastLine = json.TrimEnd().Split('\n').Length;

        var problem = SingleProblem(() => RunResultJson.Parse(json.TrimEnd() + "\n{ \"again\": 1 }\n", "merged.json"));

        Assert.Multiple(() =>
        {
            Assert.That(problem.File, Is.EqualTo("merged.json"));
            Assert.That(problem.Line, Is.EqualTo(lastLine + 1));
        });
    }

    [Test]
    public void File_from_a_newer_version_asks_for_an_upgrade()
    {
        var json = Valid().Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal);

        var problem = SingleProblem(() => RunResultJson.Parse(json, "baseline.json"));

        Assert.Multiple(() =>
        {
            Assert.That(problem.Line, Is.EqualTo(2));
            Assert.That(problem.Message, Does.Contain("schemaVersion 2"));
            Assert.That(problem.Hint, Does.Contain("upgrade"));
        });
    }

    [Test]
    public void Summary_that_disagrees_with_the_scenarios_is_rejected()
    {
        var json = Valid();
        var (line, _) = LocationOf(json, "\"summary\"");
        var edited = json.Replace("\"passed\": 2,", "\"passed\": 7,", StringComparison.Ordinal);
        Assert.That(edited, Is.Not.EqualTo(json), "the sample's summary must contain \"passed\": 2");

        var problem = SingleProblem(() => RunResultJson.Parse(edited, "baseline.json"));

        Assert.Multiple(() =>
        {
            Assert.That(problem.Message, Does.Contain("summary counts do not match"));
            Assert.That(problem.Line, Is.EqualTo(line));
        });
    }

    private static string Valid() => RunResultJson.Serialize(SampleRuns.EveryStatus());

    private static (int Line, int Column) LocationOf(string text, string fragment)
    {
        var index = text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"fragment {fragment} not in sample");
        var before = text[..index];
        return (before.Count(c => c == '\n') + 1, index - before.LastIndexOf('\n'));
    }

    private static InputProblem SingleProblem(TestDelegate read)
    {
        var exception = Assert.Throws<InvalidInputException>(read);
        Assert.That(exception!.Problems, Has.Count.EqualTo(1), string.Join("\n", exception.Problems));
        return exception.Problems[0];
    }

    private string WriteFile(string content)
    {
        var path = Path.Combine(_directory, "results.json");
        File.WriteAllText(path, content);
        return path;
    }
}
