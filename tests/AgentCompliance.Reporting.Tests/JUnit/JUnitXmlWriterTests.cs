using System.Text;
using AgentCompliance.Reporting.JUnit;

namespace AgentCompliance.Reporting.Tests.JUnit;

public sealed class JUnitXmlWriterTests
{
    [Test]
    public void Root_totals_count_every_scenario_and_treat_not_verified_as_failures()
    {
        var root = JUnitXml.WriteAndParse(SampleRuns.EveryStatus()).Root!;

        Assert.Multiple(() =>
        {
            Assert.That(root.Name.LocalName, Is.EqualTo("testsuites"));
            Assert.That(JUnitXml.Int(root, "tests"), Is.EqualTo(8));
            Assert.That(JUnitXml.Int(root, "failures"), Is.EqualTo(4), "failed + undefined + pending + ambiguous");
            Assert.That(JUnitXml.Int(root, "errors"), Is.Zero);
            Assert.That(JUnitXml.Int(root, "skipped"), Is.EqualTo(2), "@ignore + not run");
            Assert.That((string?)root.Attribute("time"), Is.EqualTo("42.5"));
            Assert.That((string?)root.Attribute("timestamp"), Is.EqualTo("2025-03-14T07:26:53"));
            Assert.That((string?)root.Attribute("interrupted"), Is.EqualTo("false"));
            Assert.That(root.Descendants("testcase").Count(), Is.EqualTo(8));
        });
    }

    [Test]
    public void One_suite_per_feature_with_its_own_counts()
    {
        var document = JUnitXml.WriteAndParse(SampleRuns.EveryStatus());

        var suites = document.Root!.Elements("testsuite").ToList();
        var identity = JUnitXml.Suite(document, "Workload identity");
        var tokens = JUnitXml.Suite(document, "Just-in-time credentials");
        var audit = JUnitXml.Suite(document, "Audit trail");
        Assert.Multiple(() =>
        {
            Assert.That(suites.Select(s => (string?)s.Attribute("name")), Is.EqualTo(new[] { "Workload identity", "Just-in-time credentials", "Audit trail" }));
            Assert.That((JUnitXml.Int(identity, "tests"), JUnitXml.Int(identity, "failures"), JUnitXml.Int(identity, "skipped")), Is.EqualTo((2, 1, 0)));
            Assert.That((JUnitXml.Int(tokens, "tests"), JUnitXml.Int(tokens, "failures"), JUnitXml.Int(tokens, "skipped")), Is.EqualTo((4, 3, 0)));
            Assert.That((JUnitXml.Int(audit, "tests"), JUnitXml.Int(audit, "failures"), JUnitXml.Int(audit, "skipped")), Is.EqualTo((2, 0, 2)));
            Assert.That((string?)identity.Attribute("time"), Is.EqualTo("2.735"), "1.2345678 s + 1.5 s, in seconds");
            Assert.That((string?)identity.Attribute("timestamp"), Is.EqualTo("2025-03-14T07:26:53"));
            Assert.That((string?)identity.Attribute("file"), Is.EqualTo("identity/workload.feature"));
            Assert.That(identity.Element("properties"), Is.Null, "a complete run carries no interruption property");
        });
    }

    [Test]
    public void Test_cases_are_named_by_scenario_and_outline_example()
    {
        var document = JUnitXml.WriteAndParse(SampleRuns.EveryStatus());

        var row = JUnitXml.TestCase(document, "Credentials are scoped to the task [agent=planner, scope=read]");
        var plain = JUnitXml.TestCase(document, "Each agent has its own workload identity");
        Assert.Multiple(() =>
        {
            Assert.That((string?)row.Attribute("classname"), Is.EqualTo("Just-in-time credentials"));
            Assert.That((string?)row.Attribute("line"), Is.EqualTo("12"));
            Assert.That((string?)row.Attribute("time"), Is.EqualTo("0.25"));
            Assert.That(row.Elements().Select(e => e.Name.LocalName), Has.None.AnyOf("failure", "skipped", "error"), "a passed row has no outcome element");
            Assert.That((string?)plain.Attribute("classname"), Is.EqualTo("Workload identity"));
            Assert.That(
                plain.Element("properties")!.Elements("property").Select(p => $"{p.Attribute("name")!.Value}={p.Attribute("value")!.Value}"),
                Is.EqualTo(new[] { "id=identity/workload.feature:8", "control=ASI03", "control=NHI5", "severity=high" }));
        });
    }

    [Test]
    public void Failed_scenario_has_a_failure_naming_the_step_and_the_error()
    {
        var document = JUnitXml.WriteAndParse(SampleRuns.EveryStatus());

        var failure = JUnitXml.TestCase(document, "Agent tokens are short-lived").Element("failure")!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)failure.Attribute("type"), Is.EqualTo("failed"));
            Assert.That((string?)failure.Attribute("message"), Is.EqualTo("Then the token expires within 15 minutes: expected token lifetime <= 900 s"));
            Assert.That(failure.Value, Does.Contain("Failed step: Then the token expires within 15 minutes (identity/workload.feature:16)"));
            Assert.That(failure.Value, Does.Contain("but the issuer granted 3600 s"), "the body has the whole error");
        });
    }

    [Test]
    public void Undefined_step_is_a_failure_carrying_the_snippet_and_closest_steps()
    {
        var document = JUnitXml.WriteAndParse(SampleRuns.EveryStatus());

        var failure = JUnitXml.TestCase(document, "Credentials are scoped to the task [agent=executor, scope=write]").Element("failure")!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)failure.Attribute("type"), Is.EqualTo("undefined"));
            Assert.That((string?)failure.Attribute("message"), Does.StartWith("undefined step: Given the agent \"executor\" rotates its key"));
            Assert.That(failure.Value, Does.Contain(SampleRuns.UndefinedSnippet));
            Assert.That(failure.Value, Does.Contain("Closest existing steps:\n  - the agent \"(.*)\" has a token"));
        });
    }

    [Test]
    public void Pending_and_ambiguous_are_failures_whose_type_names_the_status()
    {
        var document = JUnitXml.WriteAndParse(SampleRuns.EveryStatus());

        var pending = JUnitXml.TestCase(document, "Tokens are revoked when the task ends").Element("failure")!;
        var ambiguous = JUnitXml.TestCase(document, "Token scope matches the task").Element("failure")!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)pending.Attribute("type"), Is.EqualTo("pending"));
            Assert.That((string?)pending.Attribute("message"), Is.EqualTo("pending step: When the task ends"));
            Assert.That(pending.Value, Does.Contain("not implemented yet"));
            Assert.That((string?)ambiguous.Attribute("type"), Is.EqualTo("ambiguous"));
            Assert.That((string?)ambiguous.Attribute("message"), Is.EqualTo("ambiguous step: Then the token scope is \"read\" matches 2 bindings"));
            Assert.That(ambiguous.Value, Does.Contain("Matching bindings:\n  - Steps.TokenSteps.ScopeIs(String)\n  - Steps.LegacySteps.ScopeEquals(String)"));
        });
    }

    [Test]
    public void Ignored_and_not_run_scenarios_are_skipped_with_a_reason()
    {
        var document = JUnitXml.WriteAndParse(SampleRuns.EveryStatus());

        var ignored = JUnitXml.TestCase(document, "Tool calls are audited");
        var notRun = JUnitXml.TestCase(document, "Downstream actions are audited");

        Assert.Multiple(() =>
        {
            Assert.That((string?)ignored.Element("skipped")?.Attribute("message"), Is.EqualTo("ignored: tagged @ignore"));
            Assert.That(ignored.Element("failure"), Is.Null);
            Assert.That((string?)notRun.Element("skipped")?.Attribute("message"), Is.EqualTo("not run: run interrupted"));
        });
    }

    [Test]
    public void Interrupted_run_is_marked_on_the_root_and_in_every_suite()
    {
        var document = JUnitXml.WriteAndParse(SampleRuns.Interrupted());

        Assert.Multiple(() =>
        {
            Assert.That((string?)document.Root!.Attribute("interrupted"), Is.EqualTo("true"));
            Assert.That((string?)document.Root.Attribute("errors"), Is.EqualTo("1"), "CI gates must not read an interrupted run as green");
            var incomplete = document.Root.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "AgentCompliance run");
            Assert.That((string?)incomplete.Element("testcase")!.Element("error")!.Attribute("message"), Is.EqualTo("cancelled by the user (Ctrl-C)"));
            foreach (var suite in document.Root.Elements("testsuite").Where(s => s != incomplete))
            {
                var properties = suite.Element("properties")!.Elements("property").ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value);
                Assert.That(properties["interrupted"], Is.EqualTo("true"));
                Assert.That(properties["interruptionReason"], Is.EqualTo("cancelled by the user (Ctrl-C)"));
            }

            Assert.That((string?)document.Root.Attribute("time"), Is.EqualTo("3.238"), "no finish time: the sum of scenario durations");
        });
    }

    [Test]
    public void System_out_lists_the_steps_and_evidence_titles()
    {
        var document = JUnitXml.WriteAndParse(SampleRuns.EveryStatus());

        var output = JUnitXml.TestCase(document, "Each agent has its own workload identity").Element("system-out")!.Value;

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("passed     Given the deployment \"hardened\"  (line 9, 0.123 s)"));
            Assert.That(output, Does.Contain("passed     Then no two agents share a client id  (line 10, 0.01 s)"));
            Assert.That(output, Does.Contain("evidence [http] GET https://idp.test/clients → 200"));
            Assert.That(output, Does.Contain("evidence [note] 2 distinct client ids"));
        });
    }

    [Test]
    [SetCulture("de-DE")]
    public void Times_use_a_decimal_point_whatever_the_culture()
    {
        var document = JUnitXml.WriteAndParse(SampleRuns.EveryStatus());

        Assert.That((string?)JUnitXml.TestCase(document, "Agent tokens are short-lived").Attribute("time"), Is.EqualTo("1.5"));
    }

    [Test]
    public void Run_without_scenarios_is_still_a_valid_report()
    {
        var root = JUnitXml.WriteAndParse(SampleRuns.Empty()).Root!;

        Assert.Multiple(() =>
        {
            Assert.That(JUnitXml.Int(root, "tests"), Is.Zero);
            Assert.That(root.Elements("testsuite"), Is.Empty);
        });
    }

    [Test]
    public void File_is_utf8_without_byte_order_mark_and_declares_it()
    {
        using var stream = new MemoryStream();
        JUnitXmlWriter.Write(SampleRuns.EveryStatus(), stream);
        var bytes = stream.ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            Assert.That(Encoding.UTF8.GetString(bytes), Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        });
    }
}
