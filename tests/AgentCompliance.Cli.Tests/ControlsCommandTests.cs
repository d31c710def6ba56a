using System.Text.Json;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Cli.Tests;

/// <summary><c>agentcompliance controls</c> as a user runs it: output, formats, filters, user catalogs, exit codes.</summary>
[TestFixture]
public sealed class ControlsCommandTests
{
    private static readonly string[] NistSubcategories = BuildNistSubcategories();

    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory()
    {
        directory = Path.Combine(Path.GetTempPath(), "agentcompliance-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [TestCase("table")]
    [TestCase("markdown")]
    [TestCase("json")]
    public async Task Every_format_lists_every_asi_nhi_id_and_all_72_nist_subcategories(string format)
    {
        var (exitCode, output, error) = await RunAsync("controls", "--format", format);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(error, Is.Empty);
            foreach (var id in Enumerable.Range(1, 10).SelectMany(n => new[] { $"ASI{n:00}", $"NHI{n}" }))
            {
                Assert.That(output, Does.Contain(id));
            }

            foreach (var id in NistSubcategories)
            {
                Assert.That(output, Does.Contain(id));
            }

            Assert.That(output, Does.Contain("MAESTRO-L7:Inaccurate Agent Capability Description"));
        });
    }

    [Test]
    public async Task Table_is_the_default_and_has_no_ansi_codes_when_redirected()
    {
        var (exitCode, output, _) = await RunAsync("controls");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success));
            // Culture-aware string matching ignores control characters, so look for ESC ordinally.
            Assert.That(output.Contains('\u001b', StringComparison.Ordinal), Is.False, "no ANSI escape codes");
            Assert.That(output, Does.Contain("OWASP Top 10 for Agentic Applications 2026"));
            Assert.That(output, Does.Contain("ASI01").And.Contain("Agent Goal Hijack"));
            Assert.That(output, Does.Contain("204 controls in 6 framework(s)"));
        });
    }

    [Test]
    public async Task Json_output_has_the_documented_shape()
    {
        var (exitCode, output, _) = await RunAsync("controls", "--format", "json");
        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success));

        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        var frameworks = root.GetProperty("frameworks").EnumerateArray().ToList();
        var asi = frameworks.Single(framework => framework.GetProperty("id").GetString() == "asi");
        var asi04 = asi.GetProperty("controls").EnumerateArray().Single(control => control.GetProperty("id").GetString() == "ASI04");
        var nist = frameworks.Single(framework => framework.GetProperty("id").GetString() == "nist-ai-rmf");
        var govern22 = nist.GetProperty("controls").EnumerateArray().Single(control => control.GetProperty("id").GetString() == "GOVERN 2.2");

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("formatVersion").GetInt32(), Is.EqualTo(1));
            Assert.That(frameworks.Select(framework => framework.GetProperty("id").GetString()),
                Is.EqualTo(new[] { "asi", "agentic-threats", "nhi", "maestro", "nist-ai-rmf", "llm" }));
            Assert.That(asi.GetProperty("name").GetString(), Is.EqualTo("OWASP Top 10 for Agentic Applications 2026"));
            Assert.That(asi04.GetProperty("name").GetString(), Is.EqualTo("Agentic Supply Chain Vulnerabilities"));
            Assert.That(asi04.GetProperty("kind").GetString(), Is.EqualTo("risk"));
            Assert.That(asi04.GetProperty("related").EnumerateArray().Select(item => item.GetString()), Is.SupersetOf(new[] { "LLM03", "T17", "NHI1" }));
            Assert.That(govern22.GetProperty("testable").GetBoolean(), Is.False);
            Assert.That(govern22.GetProperty("parent").GetString(), Is.EqualTo("GOVERN 2"));
            Assert.That(nist.GetProperty("controls").GetArrayLength(), Is.EqualTo(95));
        });
    }

    [Test]
    public async Task Markdown_output_has_a_table_per_framework()
    {
        var (_, output, _) = await RunAsync("controls", "--format", "markdown");

        Assert.Multiple(() =>
        {
            Assert.That(output.Split('\n').Count(line => line.StartsWith("## ", StringComparison.Ordinal)), Is.EqualTo(6));
            Assert.That(output.Split('\n').Count(line => line.StartsWith("| ID | Name |", StringComparison.Ordinal)), Is.EqualTo(6));
            Assert.That(output, Does.Contain("| ASI06 | Memory & Context Poisoning | risk |"));
            Assert.That(output, Does.Contain("| GOVERN 2.2 | AI risk training | subcategory | GOVERN 2 | process |"));
        });
    }

    [TestCase("NHI", "NHI1", "ASI01")]
    [TestCase("nhi", "NHI10", "ASI01")]
    [TestCase("MAESTRO", "MAESTRO-L4", "GOVERN 1.1")]
    [TestCase("NIST", "MANAGE 4.3", "MAESTRO-L1")]
    [TestCase("llm", "LLM10", "NHI1 ")]
    [TestCase("ASI", "ASI10", "GOVERN 1.1")]
    public async Task Framework_filter_accepts_an_id_or_a_prefix(string filter, string listed, string notListed)
    {
        var (exitCode, output, _) = await RunAsync("controls", "--framework", filter, "--format", "markdown");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(output, Does.Contain($"| {listed} |"));
            Assert.That(output, Does.Not.Contain($"| {notListed} |"));
        });
    }

    [Test]
    public async Task Unknown_framework_exits_2_and_names_the_valid_ones()
    {
        var (exitCode, output, error) = await RunAsync("controls", "--framework", "iso42001");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("unknown framework 'iso42001'"));
            Assert.That(error, Does.Contain("asi (ASI)").And.Contain("nhi (NHI)").And.Contain("maestro (MAESTRO)").And.Contain("nist-ai-rmf (NIST").And.Contain("llm (LLM)"));
        });
    }

    [Test]
    public async Task Unknown_format_exits_2()
    {
        var (exitCode, _, error) = await RunAsync("controls", "--format", "xml");
        Assert.That(exitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(error, Does.Contain("xml"));
    }

    [Test]
    public async Task User_catalog_adds_its_framework_and_controls()
    {
        var path = Write("acme.json", """
            {
              "frameworks": [ { "id": "acme", "name": "ACME agent controls", "prefixes": ["ACME"] } ],
              "controls": [
                { "id": "ACME-IAM-01", "name": "Per-agent identity", "framework": "acme", "kind": "control",
                  "description": "Each agent has its own workload identity.", "related": ["ASI-03"] }
              ]
            }
            """);

        var (exitCode, output, error) = await RunAsync("controls", "--catalog", path, "--format", "markdown");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("## ACME agent controls (`acme`)"));
            Assert.That(output, Does.Contain("| ACME-IAM-01 | Per-agent identity | control |  | yes | ASI03 |"));
            Assert.That(output, Does.Match(@"\| ASI03 \| Identity and Privilege Abuse \|[^\n]*ACME-IAM-01"));
        });
    }

    [Test]
    public async Task Malformed_user_catalog_exits_2_with_file_line_and_column()
    {
        var path = Write("broken.json", """
            {
              "controls": [
                {
                  "id": "ACME-1",
                  "name": "Bad kind",
                  "framework": "acme",
                  "kind": "gadget",
                  "description": "x"
                }
              ]
            }
            """);

        var (exitCode, output, error) = await RunAsync("controls", "--catalog", path);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Match($@"^{System.Text.RegularExpressions.Regex.Escape(path)}:7:\d+: controls\[0\]\.kind: 'gadget' is not one of"));
            Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public async Task Problems_in_several_catalogs_are_all_reported()
    {
        var first = Write("one.json", "{ \"controls\": [ }");
        var second = Write("two.json", "{\n  \"controls\": 5\n}");

        var (exitCode, _, error) = await RunAsync("controls", "--catalog", first, "--catalog", second);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(lines, Has.Some.StartsWith($"{first}:1:"));
            Assert.That(lines, Has.Some.StartsWith($"{second}:2:").And.Contain("expected a list"));
        });
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AgentComplianceApp.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    // From the reference: subcategories per category, GOVERN 1..6, MAP 1..5, MEASURE 1..4, MANAGE 1..4.
    private static string[] BuildNistSubcategories()
    {
        var layout = new (string Function, int[] Subcategories)[]
        {
            ("GOVERN", [7, 3, 2, 3, 2, 2]),
            ("MAP", [6, 3, 5, 2, 2]),
            ("MEASURE", [3, 13, 3, 3]),
            ("MANAGE", [4, 4, 2, 3]),
        };
        var ids = layout
            .SelectMany(function => function.Subcategories.SelectMany((count, index) =>
                Enumerable.Range(1, count).Select(sub => $"{function.Function} {index + 1}.{sub}")))
            .ToArray();
        return ids.Length == 72 ? ids : throw new InvalidOperationException($"reference layout has {ids.Length} subcategories, not 72");
    }
}
