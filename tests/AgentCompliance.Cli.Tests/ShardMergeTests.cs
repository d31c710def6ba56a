using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Json;
using Newtonsoft.Json.Linq;

namespace AgentCompliance.Cli.Tests;

/// <summary>
/// <c>run --shard K/N</c> on real feature files with the test bindings, then <c>merge</c>: the merged run equals an
/// unsharded one (counts, scenarios, statuses, gate verdict, exit code), and every way shards can fail to fit
/// together exits 2 naming the shard and the file.
/// </summary>
[NonParallelizable]
public class ShardMergeTests
{
    private static readonly string Bindings = Path.Combine(TestContext.CurrentContext.TestDirectory, "AgentCompliance.TestBindings.dll");

    private string _folder = null!;
    private string _profile = null!;

    [OneTimeSetUp]
    public async Task RunTheShards()
    {
        _folder = Path.Combine(Path.GetTempPath(), "agentcompliance-shard-tests", Guid.NewGuid().ToString("N"));
        Write("features/revocation.feature", """
            @ASI03
            Feature: Revocation
              Scenario: Token is revoked at task end
                Given a step that passes

              @severity:high
              Scenario: Token outlives its task
                When a step fails with "token was not revoked"

              Scenario Outline: Credential lifetime for <agent>
                Given the number <start>
                When I add <more>
                Then the total is <total>

                Examples:
                  | agent   | start | more | total |
                  | planner | 1     | 2    | 3     |
                  | mailer  | 2     | 2    | 5     |
                  | ranker  | 0     | 7    | 7     |
            """);
        Write("features/logging.feature", """
            @NHI7
            Feature: Logging
              @severity:low
              Scenario: Log line is terse
                When a step fails with "log line lacks the tool name"

              Scenario: Tool calls are logged
                Given a step that passes
            """);
        Write("features/policy/decisions.feature", """
            @ASI02
            Feature: Policy decisions
              Scenario: Deny by default
                Given a step that passes

              Scenario: Re-evaluated after a sensitive action
                Given a step that passes
            """);

        // Coverage rules that only the whole run can judge: ASI01 is tested nowhere, NHI7 passes 0 of 1.
        _profile = Write("strict.yaml", "version: 1\nname: shards\ngate:\n  requiredControls: [ASI03, ASI01]\n  minPassRate:\n    nhi: 0.9\n");

        Whole = await RunAsync(Out("whole"), "--profile", _profile);
        foreach (var count in new[] { 1, 2, 3 })
        {
            for (var index = 1; index <= count; index++)
            {
                var shard = await RunAsync(Out($"shard{count}-{index}"), "--profile", _profile, "--shard", $"{index}/{count}", "--report-only");
                Assert.That(shard.ExitCode, Is.EqualTo(ExitCodes.Success), shard.Output + shard.Error);
            }
        }
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private CliRun Whole { get; set; } = null!;

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Out(string name) => Path.Combine(_folder, name);

    private string ShardResults(int count, int index) => Path.Combine(Out($"shard{count}-{index}"), "results.json");

    private async Task<CliRun> RunAsync(string outDirectory, params string[] arguments) =>
        await CliRun.StartAsync(["run", "--features", Path.Combine(_folder, "features"), "--bindings", Bindings, "--out", outDirectory, .. arguments]);

    private static JObject Results(string outDirectory) => JObject.Parse(File.ReadAllText(Path.Combine(outDirectory, "results.json")));

    private static List<string> ScenarioLines(JObject results) =>
        [.. results["scenarios"]!.Select(s => $"{s["id"]} {s["name"]} [{s["example"]}] {s["status"]} {s["fingerprint"]}")];

    private string FreshOut() => Out("merged-" + Guid.NewGuid().ToString("N"));

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public async Task Merged_shards_equal_the_unsharded_run(int count)
    {
        var merged = FreshOut();

        var merge = await CliRun.StartAsync(["merge", .. Enumerable.Range(1, count).Select(i => Out($"shard{count}-{i}")), "--out", merged, "--profile", _profile]);

        var whole = Results(Out("whole"));
        var result = Results(merged);
        Assert.Multiple(() =>
        {
            Assert.That(Whole.ExitCode, Is.EqualTo(ExitCodes.GateFailed), Whole.Output + Whole.Error);
            Assert.That(merge.ExitCode, Is.EqualTo(Whole.ExitCode), merge.Output + merge.Error);
            Assert.That(JToken.DeepEquals(result["summary"], whole["summary"]), Is.True, $"{result["summary"]} vs {whole["summary"]}");
            Assert.That((int)result["summary"]!["total"]!, Is.EqualTo(9));
            Assert.That(ScenarioLines(result), Is.EqualTo(ScenarioLines(whole)));
            Assert.That(JToken.DeepEquals(result["gate"]!["reasons"], whole["gate"]!["reasons"]), Is.True, $"{result["gate"]} vs {whole["gate"]}");
            Assert.That((bool)result["gate"]!["passed"]!, Is.EqualTo((bool)whole["gate"]!["passed"]!));
            Assert.That(result.ContainsKey("shard"), Is.False, "a merge is no shard");
            Assert.That((bool)result["gate"]!["coverageDeferred"]!, Is.False);
            Assert.That(File.Exists(Path.Combine(merged, "junit.xml")), Is.True);
            Assert.That(File.Exists(Path.Combine(merged, "messages.ndjson")), Is.False, "messages stay per shard");
            Assert.That(merge.Output, Does.Contain($"Merged {count} shards: 9 scenarios"));
            Assert.That(merge.Output, Does.Contain("required control ASI01"));
        });
    }

    [Test]
    public void A_shard_defers_coverage_to_the_merge_but_still_fails_on_its_own_failures()
    {
        var shards = Enumerable.Range(1, 3).Select(i => Results(Out($"shard3-{i}"))).ToList();
        var whole = Results(Out("whole"));

        var kinds = shards.SelectMany(s => s["gate"]!["reasons"]!.Select(r => (string)r["kind"]!)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(whole["gate"]!["reasons"]!.Select(r => (string)r["kind"]!), Does.Contain("requiredControlUntested").And.Contain("passRateBelowMinimum"));
            Assert.That(kinds, Does.Not.Contain("requiredControlUntested").And.Not.Contain("passRateBelowMinimum"));
            Assert.That(kinds, Does.Contain("failedAtSeverity"), "failures are judged per shard");
            Assert.That(shards.Select(s => (bool)s["gate"]!["coverageDeferred"]!), Has.All.True);
            Assert.That(shards.SelectMany(s => s["gate"]!["notes"]!.Select(n => (string)n!)), Has.Some.StartsWith("coverage checks deferred to merge"));
            Assert.That(shards.Select(s => (int)s["shard"]!["selectedTotal"]!), Has.All.EqualTo(9));
            Assert.That(shards.Select(s => s["scenarios"]!.Count()), Is.EqualTo(new[] { 3, 3, 3 }), "balanced");
            Assert.That(shards.SelectMany(s => s["scenarios"]!.Select(x => (string)x["id"]!)).Order(), Is.EqualTo(whole["scenarios"]!.Select(x => (string)x["id"]!).Order()));
        });
    }

    [Test]
    public async Task A_shard_without_report_only_exits_as_its_own_failures_say_and_names_itself()
    {
        var run = await RunAsync(FreshOut(), "--profile", _profile, "--shard", "2/3");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.GateFailed), run.Output + run.Error);
            Assert.That(run.Output, Does.Contain("Shard 2/3: 3 of 9 selected scenarios"));
            Assert.That(run.Output, Does.Contain("coverage checks deferred to merge"));
        });
    }

    [Test]
    public async Task Globs_and_folders_name_the_shards_and_the_gate_options_apply_to_the_merge()
    {
        var wholeLenient = await RunAsync(FreshOut(), "--fail-on-severity", "critical");
        var merged = FreshOut();

        var merge = await CliRun.StartAsync(["merge", Path.Combine(_folder, "shard3-*"), "--out", merged, "--fail-on-severity", "critical"]);

        Assert.Multiple(() =>
        {
            Assert.That(wholeLenient.ExitCode, Is.EqualTo(ExitCodes.Success), wholeLenient.Output);
            Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.Success), merge.Output + merge.Error);
            Assert.That(merge.Output, Does.Contain("Merged 3 shards: 9 scenarios"));
            Assert.That(merge.Output, Does.Contain("Gate: PASSED"));
        });
    }

    [Test]
    public async Task A_missing_shard_exits_2_and_names_it()
    {
        var merge = await CliRun.StartAsync(["merge", ShardResults(3, 1), ShardResults(3, 3), "--out", FreshOut()]);

        Assert.Multiple(() =>
        {
            Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(merge.Error, Does.Contain("shard 2/3 is missing"));
            Assert.That(merge.Error, Does.Contain($"{ShardResults(3, 3)} as 3/3"));
        });
    }

    [Test]
    public async Task A_shard_given_twice_exits_2_naming_both_files()
    {
        var copy = Write("copy/results.json", File.ReadAllText(ShardResults(3, 2)));

        var merge = await CliRun.StartAsync(["merge", ShardResults(3, 1), ShardResults(3, 2), ShardResults(3, 3), copy, "--out", FreshOut()]);

        Assert.Multiple(() =>
        {
            Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(merge.Error, Does.Contain($"{copy}: shard 2/3 given twice (also {ShardResults(3, 2)})"));
        });
    }

    [Test]
    public async Task Shards_of_different_splits_exit_2()
    {
        var merge = await CliRun.StartAsync(["merge", ShardResults(3, 1), ShardResults(3, 2), ShardResults(3, 3), ShardResults(2, 2), "--out", FreshOut()]);

        Assert.Multiple(() =>
        {
            Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(merge.Error, Does.Contain($"{ShardResults(2, 2)}: shard 2/2 is from a split into 2, but {ShardResults(3, 1)} is shard 1/3 of a split into 3"));
        });
    }

    [Test]
    public async Task A_malformed_shard_exits_2_with_file_and_line()
    {
        var lines = File.ReadAllLines(ShardResults(3, 2));
        var statusLine = Array.FindIndex(lines, l => l.Contains("\"status\": \"", StringComparison.Ordinal));
        lines[statusLine] = lines[statusLine].Replace("\"status\": \"", "\"status\": \"x", StringComparison.Ordinal);
        var broken = Write("broken/results.json", string.Join('\n', lines));
        var truncated = Write("truncated/results.json", File.ReadAllText(ShardResults(3, 3))[..200]);

        var badValue = await CliRun.StartAsync(["merge", ShardResults(3, 1), broken, ShardResults(3, 3), "--out", FreshOut()]);
        var badJson = await CliRun.StartAsync(["merge", ShardResults(3, 1), ShardResults(3, 2), truncated, "--out", FreshOut()]);

        Assert.Multiple(() =>
        {
            Assert.That(badValue.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(badValue.Error, Does.Contain($"{broken}:{statusLine + 1}:"));
            Assert.That(badJson.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(badJson.Error, Does.Match($"{System.Text.RegularExpressions.Regex.Escape(truncated)}:\\d+:\\d+: not valid JSON"));
        });
    }

    [Test]
    public async Task A_whole_run_is_not_a_shard_and_a_shard_that_never_finished_exits_3()
    {
        var unfinished = Write("unfinished/results.json", RunResultJson.Serialize(new RunResult
        {
            ToolVersion = "1.0.0",
            StartedAt = DateTimeOffset.UtcNow,
            Interrupted = true,
            InterruptionReason = "run in progress: 1 of 3 scenarios finished",
        }));

        var notShard = await CliRun.StartAsync(["merge", ShardResults(2, 1), Out("whole"), "--out", FreshOut()]);
        var crashed = await CliRun.StartAsync(["merge", ShardResults(2, 1), unfinished, "--out", FreshOut()]);

        Assert.Multiple(() =>
        {
            Assert.That(notShard.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(notShard.Error, Does.Contain($"{Path.Combine(Out("whole"), "results.json")}: not a shard"));
            Assert.That(crashed.ExitCode, Is.EqualTo(ExitCodes.CouldNotRun));
            Assert.That(crashed.Error, Does.Contain("did not complete (run in progress: 1 of 3 scenarios finished); run that shard again"));
        });
    }

    [Test]
    public async Task Merging_into_a_shards_own_folder_exits_2()
    {
        var merge = await CliRun.StartAsync(["merge", Out("shard2-1"), Out("shard2-2"), "--out", Out("shard2-2")]);

        Assert.Multiple(() =>
        {
            Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(merge.Error, Does.Contain("the merged results would overwrite the shard results"));
        });
    }

    [Test]
    public async Task A_shard_that_gets_nothing_exits_0_with_valid_results_and_merges()
    {
        // One scenario selected, two shards: shard 2 gets nothing.
        var whole = await RunAsync(FreshOut(), "--tags", "@severity:low");
        var first = Out("empty-1");
        var second = Out("empty-2");
        var one = await RunAsync(first, "--tags", "@severity:low", "--shard", "1/2");
        var two = await RunAsync(second, "--tags", "@severity:low", "--shard", "2/2");
        var merged = FreshOut();
        var merge = await CliRun.StartAsync(["merge", first, second, "--out", merged]);

        var empty = RunResultJson.Read(Path.Combine(second, "results.json"));
        Assert.Multiple(() =>
        {
            Assert.That(two.ExitCode, Is.EqualTo(ExitCodes.Success), two.Output + two.Error);
            Assert.That(empty.Scenarios, Is.Empty);
            Assert.That(empty.Shard!.SelectedTotal, Is.EqualTo(1));
            Assert.That(empty.Gate!.Passed, Is.True);
            Assert.That(two.Error, Does.Contain("shard 2/2 got no scenario"));
            Assert.That(one.ExitCode, Is.EqualTo(ExitCodes.Success), one.Output + one.Error);
            Assert.That(merge.ExitCode, Is.EqualTo(whole.ExitCode), merge.Output + merge.Error);
            Assert.That(ScenarioLines(Results(merged)), Is.EqualTo(new[] { ScenarioLines(Results(first)).Single() }));
        });
    }

    [Test]
    public async Task A_sharded_run_that_selects_nothing_at_all_still_exits_2()
    {
        var run = await RunAsync(FreshOut(), "--tags", "@no-such-tag", "--shard", "1/2");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(run.Error, Does.Contain("no scenario to run: the selection is empty"));
        });
    }

    [TestCase("0/3")]
    [TestCase("4/3")]
    [TestCase("two/four")]
    public async Task A_bad_shard_value_exits_2_with_a_hint(string value)
    {
        var run = await RunAsync(FreshOut(), "--shard", value);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
            Assert.That(run.Error, Does.StartWith("--shard: "));
            Assert.That(run.Error, Does.Contain("(hint: use K/N, e.g. 2/4)"));
        });
    }

    [Test]
    public async Task With_a_system_model_the_merge_writes_the_threat_model_and_a_shard_does_not()
    {
        var systemModel = RepositoryLayout.PathOf("samples", "system-models", "reference-platform.yaml");
        var modeled = Write("modeled.yaml", $"version: 1\nname: shards\nsystemModel: '{systemModel}'\n");
        var shardOut = FreshOut();
        var merged = FreshOut();

        var shard = await RunAsync(shardOut, "--profile", modeled, "--shard", "1/2", "--report-only");
        var merge = await CliRun.StartAsync(["merge", Out("shard2-1"), Out("shard2-2"), "--out", merged, "--profile", modeled, "--report-only"]);

        var asi03 = JObject.Parse(File.ReadAllText(Path.Combine(merged, "threat-model.json")))
            .Descendants().OfType<JObject>().First(o => (string?)o["id"] == "ASI03" && o.ContainsKey("status"));
        Assert.Multiple(() =>
        {
            Assert.That(shard.ExitCode, Is.EqualTo(ExitCodes.Success), shard.Output + shard.Error);
            Assert.That(File.Exists(Path.Combine(shardOut, "threat-model.json")), Is.False);
            Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.Success), merge.Output + merge.Error);
            Assert.That(File.Exists(Path.Combine(merged, "threat-model.md")), Is.True);
            Assert.That(File.Exists(Path.Combine(merged, "threat-model.html")), Is.True);
            Assert.That((string?)asi03["status"], Is.EqualTo("failed"));
        });
    }
}
