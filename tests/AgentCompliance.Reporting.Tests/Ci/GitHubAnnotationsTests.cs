using AgentCompliance.Core.Configuration;
using AgentCompliance.Reporting.Ci;

namespace AgentCompliance.Reporting.Tests.Ci;

public sealed class GitHubAnnotationsTests
{
    [Test]
    public void Gate_failures_are_errors_other_failures_warnings_and_waived_ones_notices()
    {
        var lines = GitHubAnnotations.Build(GatedRuns.Gated(), file => "features/" + file);

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(5), string.Join("\n", lines));
            Assert.That(lines, Does.Contain("::error file=features/identity/tokens.feature,line=4,title=ASI03 failed (high%2C new)::Tokens expire with the task: token outlived its task%0Aexp - iat = 3600"));
            Assert.That(lines, Has.One.StartsWith("::error file=features/plain.feature,line=3,title=AC-UNTAGGED undefined (high%2C new)::Untagged check: undefined step"));
            Assert.That(lines, Has.One.StartsWith("::warning file=features/audit/log.feature,line=7,title=NHI7 failed (low%2C new)::Log lines | name the tool: log line lacks the tool name%0A(does not fail the gate"));
            Assert.That(lines, Has.One.StartsWith("::warning file=features/identity/tokens.feature,line=20,title=ASI03 failed (high%2C existing)::"));
            Assert.That(lines, Has.One.EqualTo("::notice file=features/tools/scope.feature,line=12,title=ASI02 waived (medium%2C new)::Tools are scoped: tool scope was *%0Awaived: Scope narrowing ships in 2.4 (owner platform-team, expires 2099-12-31), waivers.yaml:3"));
            Assert.That(lines, Has.None.Contains("Passes"));
        });
    }

    [Test]
    public void Run_wide_gate_reasons_are_errors_without_a_file()
    {
        var run = GatedRuns.Gated(settings: new GateSettings { FailOn = GateFailOn.New, RequiredControls = ["ASI09"] });

        var lines = GitHubAnnotations.Build(run);

        Assert.That(lines, Has.One.Matches(@"^::error title=AgentCompliance gate::required control ASI09 \(.+\) was not tested"));
    }

    [Test]
    public void Every_annotation_is_one_line()
    {
        var lines = GitHubAnnotations.Build(SampleRuns.Hostile());

        Assert.Multiple(() =>
        {
            Assert.That(lines, Is.Not.Empty);
            Assert.That(lines, Has.All.Not.Contain('\n').And.All.Not.Contain('\r'));
            Assert.That(lines, Has.All.Length.LessThan(GitHubAnnotations.MaxMessageLength + 400));
        });
    }
}
