using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Gating;
using AgentCompliance.Reporting.Ci;

namespace AgentCompliance.Reporting.Tests.Ci;

public sealed class GitHubJobSummaryTests
{
    private static readonly JobSummaryOptions Options = new()
    {
        ArtifactPath = file => "features/" + file,
        ReportFiles = ["reports/results.json", "reports/results.sarif"],
    };

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf("### " + heading, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"no section {heading} in:\n{markdown}");
        var end = markdown.IndexOf("\n### ", start + 4, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    [Test]
    public void A_failed_gate_names_its_failing_scenarios_with_control_severity_baseline_and_location()
    {
        var markdown = GitHubJobSummary.Build(GatedRuns.Gated(), Options);

        var failing = Section(markdown, "Scenarios that fail the gate");
        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.StartWith("## AgentCompliance: gate FAILED — exit code 1 (the release gate failed: 2 reason(s))"));
            Assert.That(markdown, Does.Contain("| 6 | 1 | 3 | 1 | 2 | 1 | 0 | 0 | 0 | 0 |"), "total, passed, failed (not waived), waived, failing the gate, undefined…");
            Assert.That(failing, Does.Contain("| ASI03 | high | new | Tokens expire with the task | `features/identity/tokens.feature:4` | token outlived its task |"));
            Assert.That(failing, Does.Contain("| AC-UNTAGGED | high | new | Untagged check | `features/plain.feature:3` |"));
            Assert.That(failing, Does.Not.Contain("exp - iat"), "only the first line of the message");
            Assert.That(failing, Does.Not.Contain("Refresh tokens rotate"));
        });
    }

    [Test]
    public void Failures_that_do_not_fail_the_gate_and_waived_ones_are_listed_apart()
    {
        var markdown = GitHubJobSummary.Build(GatedRuns.Gated(), Options);

        var other = Section(markdown, "Failures that do not fail the gate");
        var waived = Section(markdown, "Waived");
        Assert.Multiple(() =>
        {
            Assert.That(other, Does.Contain("| ASI03 | high | existing | Refresh tokens rotate |"));
            Assert.That(other, Does.Contain("Log lines \\| name the tool"), "a pipe in a name must not split the table cell");
            Assert.That(waived, Does.Contain("| ASI02 | Tools are scoped | `features/tools/scope.feature:12` | Scope narrowing ships in 2.4 | platform-team | 2099-12-31 | `waivers.yaml:3` |"));
            Assert.That(Section(markdown, "Notes"), Does.Contain("existing failure(s) from the baseline do not fail the gate"));
            Assert.That(Section(markdown, "Report files"), Does.Contain("- `reports/results.json`\n- `reports/results.sarif`"));
        });
    }

    [Test]
    public void An_expired_waiver_is_listed_as_failing_the_gate()
    {
        var expired = GatedRuns.ScopeWaiver with { Expires = new DateOnly(2020, 1, 1) };

        var markdown = GitHubJobSummary.Build(GatedRuns.Gated([expired]), Options);

        Assert.Multiple(() =>
        {
            Assert.That(Section(markdown, "Expired waivers (fail the gate)"), Does.Contain("waiver waivers.yaml:3 (scenario tools/scope.feature:12) expired on 2020-01-01"));
            Assert.That(markdown, Does.Not.Contain("### Waived"));
        });
    }

    [Test]
    public void A_passing_and_a_report_only_gate_say_what_the_exit_code_means()
    {
        var passing = new GateEvaluator(new GateSettings(), ControlCatalog.BuiltIn).Evaluate(SampleRuns.Empty() with { Scenarios = [SampleRuns.PassedIdentityScenario()] });
        var reportOnly = GatedRuns.Gated(settings: new GateSettings { FailOn = GateFailOn.New, Mode = GateMode.ReportOnly });

        Assert.Multiple(() =>
        {
            Assert.That(GitHubJobSummary.Build(passing), Does.StartWith("## AgentCompliance: gate PASSED — exit code 0"));
            Assert.That(GitHubJobSummary.Build(reportOnly), Does.StartWith("## AgentCompliance: gate FAILED (report-only) — exit code 0"));
            Assert.That(GitHubJobSummary.Build(SampleRuns.Interrupted() with { Gate = new GateVerdict { Reasons = [new GateReason(GateReasonKind.RunIncomplete, "cancelled")] } }),
                Does.StartWith("## AgentCompliance: run INCOMPLETE — exit code 3"));
        });
    }

    [Test]
    public void Html_in_scenario_text_is_encoded()
    {
        var markdown = GitHubJobSummary.Build(GatedRuns.Gated() with { Scenarios = [GatedRuns.Failed("x.feature:1", "<img src=x onerror=alert(1)>", ["ASI01"], "high", "<script>")] });

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Not.Contain("<img").And.Not.Contain("<script>"));
            Assert.That(markdown, Does.Contain("&lt;img src=x onerror=alert(1)&gt;"));
        });
    }
}
