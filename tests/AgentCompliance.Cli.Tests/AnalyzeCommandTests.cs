using System.Text.Json;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Cli.Tests;

/// <summary><c>agentcompliance analyze</c> as CI runs it: exit codes, --fail-on, formats, SARIF file, loading modes.</summary>
[TestFixture]
public sealed class AnalyzeCommandTests
{
    private const string VulnerableTool = """
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;
        using Microsoft.SemanticKernel;

        public class ShellPlugin(ILogger<ShellPlugin> logger)
        {
            [KernelFunction]
            public void Run(string command)
            {
                logger.LogInformation("run requested");
                Process.Start("bash", "-c " + command);
            }
        }
        """;

    private const string OnlyWarning = """
        using Microsoft.Extensions.Logging;

        public class Broker(ILogger<Broker> logger)
        {
            public void Issued(string accessToken) => logger.LogInformation("token {Token}", accessToken);
        }
        """;

    private const string Clean = """
        public class Calculator
        {
            public int Add(int a, int b) => a + b;
        }
        """;

    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("agentcompliance-analyze-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public async Task Clean_code_exits_0()
    {
        Write("Calculator.cs", Clean);

        var (exitCode, output, error) = await RunAsync("analyze", directory);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.Success), error);
            Assert.That(output, Does.Contain("0 finding(s)").And.Contain("1 file(s) analysed"));
        });
    }

    [Test]
    public async Task Error_finding_exits_1_and_is_listed_with_rule_location_and_controls()
    {
        Write("Tools/ShellPlugin.cs", VulnerableTool);

        var (exitCode, output, _) = await RunAsync("analyze", directory);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(output, Does.Contain("AC0008").And.Contain("Tools/ShellPlugin.cs:11:9").And.Contain("ASI05"));
        });
    }

    [TestCase("error", ExitCodes.Success)]
    [TestCase("warning", ExitCodes.GateFailed)]
    [TestCase("note", ExitCodes.GateFailed)]
    [TestCase("none", ExitCodes.Success)]
    public async Task Fail_on_sets_the_threshold(string failOn, int expected)
    {
        Write("Broker.cs", OnlyWarning);

        var (exitCode, _, _) = await RunAsync("analyze", directory, "--fail-on", failOn);

        Assert.That(exitCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task Fail_on_none_passes_even_with_errors()
    {
        Write("ShellPlugin.cs", VulnerableTool);

        var (exitCode, _, _) = await RunAsync("analyze", directory, "--fail-on", "none");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.Success));
    }

    [Test]
    public async Task Missing_path_exits_2_with_a_hint()
    {
        var missing = Path.Combine(directory, "nope");

        var (exitCode, output, error) = await RunAsync("analyze", missing);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("path does not exist").And.Contain("hint:"));
        });
    }

    [Test]
    public async Task Unsupported_file_kind_and_empty_folder_exit_2()
    {
        var text = Write("notes.txt", "hello");
        var empty = Directory.CreateDirectory(Path.Combine(directory, "empty")).FullName;

        var (textExit, _, textError) = await RunAsync("analyze", text);
        var (emptyExit, _, emptyError) = await RunAsync("analyze", empty);

        Assert.Multiple(() =>
        {
            Assert.That(textExit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(textError, Does.Contain("'.txt'"));
            Assert.That(emptyExit, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(emptyError, Does.Contain("no C# files"));
        });
    }

    [Test]
    public async Task Unknown_option_value_exits_2()
    {
        Write("Calculator.cs", Clean);

        var (exitCode, _, _) = await RunAsync("analyze", directory, "--fail-on", "critical");

        Assert.That(exitCode, Is.EqualTo(ExitCodes.InvalidInput));
    }

    [Test]
    public async Task Project_that_msbuild_cannot_load_and_no_sources_exits_3()
    {
        var project = Write("Broken/Broken.csproj", "<Project><this is not xml");

        var (exitCode, _, error) = await RunAsync("analyze", project);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.CouldNotRun));
            Assert.That(error, Does.Contain("could not load Broken.csproj"));
        });
    }

    [Test]
    public async Task Project_that_msbuild_cannot_load_falls_back_to_its_folder_with_a_warning()
    {
        var project = Write("Agent/Agent.csproj", "<Project><this is not xml");
        Write("Agent/ShellPlugin.cs", VulnerableTool);

        var (exitCode, output, error) = await RunAsync("analyze", project);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(error, Does.Contain("warning: MSBuild could not load Agent.csproj"));
            Assert.That(output, Does.Contain("AC0008"));
        });
    }

    [Test]
    public async Task Sdk_project_loads_through_msbuild()
    {
        var project = Write("Agent/Agent.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        Write("Agent/ShellPlugin.cs", VulnerableTool);
        Write("Agent/obj/Generated.cs", VulnerableTool);

        var (exitCode, output, error) = await RunAsync("analyze", project, "--format", "json");

        using var document = JsonDocument.Parse(output);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.GateFailed), error);
            Assert.That(error, Does.Not.Contain("could not load"));
            Assert.That(findings.Select(finding => finding.GetProperty("path").GetString()).Distinct(), Is.EqualTo(new[] { "ShellPlugin.cs" }));
            Assert.That(findings.Select(finding => finding.GetProperty("ruleId").GetString()), Does.Contain("AC0008"));
        });
    }

    [Test]
    public async Task Json_format_and_sarif_file_describe_the_same_findings()
    {
        Write("ShellPlugin.cs", VulnerableTool);
        var sarifPath = Path.Combine(directory, "out", "analysis.sarif");

        var (exitCode, output, _) = await RunAsync("analyze", directory, "--format", "json", "--sarif", sarifPath);

        using var json = JsonDocument.Parse(output);
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(sarifPath));
        var finding = json.RootElement.GetProperty("findings")[0];
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.GateFailed));
            Assert.That(json.RootElement.GetProperty("formatVersion").GetInt32(), Is.EqualTo(1));
            Assert.That(finding.GetProperty("ruleId").GetString(), Is.EqualTo("AC0008"));
            Assert.That(finding.GetProperty("controls").EnumerateArray().Select(control => control.GetString()), Does.Contain("ASI05"));
            Assert.That(result.GetProperty("ruleId").GetString(), Is.EqualTo("AC0008"));
            Assert.That(result.GetProperty("partialFingerprints").EnumerateObject().Single().Value.GetString(), Is.EqualTo(finding.GetProperty("fingerprint").GetString()));
        });
    }

    private string Write(string relativePath, string content)
    {
        var path = Path.Combine(directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AgentComplianceApp.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
