using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Diagnostics;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Catalog;

/// <summary>People and tools spell control IDs many ways; all of them must land on the canonical ID.</summary>
[TestFixture]
public sealed class ControlIdNormalizationTests
{
    private static ControlCatalog Catalog => ControlCatalog.BuiltIn;

    [TestCase("ASI01", "ASI01")]
    [TestCase("ASI-01", "ASI01")]
    [TestCase("ASI 01", "ASI01")]
    [TestCase("asi01", "ASI01")]
    [TestCase("ASI01:2026", "ASI01")]
    [TestCase("ASI1", "ASI01")]
    [TestCase(" asi-10 ", "ASI10")]
    [TestCase("NHI-1", "NHI1")]
    [TestCase("NHI1:2025", "NHI1")]
    [TestCase("nhi01", "NHI1")]
    [TestCase("NHI10:2025", "NHI10")]
    [TestCase("LLM01:2025", "LLM01")]
    [TestCase("LLM-1", "LLM01")]
    [TestCase("llm10", "LLM10")]
    [TestCase("T-1", "T1")]
    [TestCase("t01", "T1")]
    [TestCase("T17", "T17")]
    [TestCase("GV-1.1", "GOVERN 1.1")]
    [TestCase("GV 1.1", "GOVERN 1.1")]
    [TestCase("GOVERN-1.1", "GOVERN 1.1")]
    [TestCase("Govern 1.1", "GOVERN 1.1")]
    [TestCase("govern_1.1", "GOVERN 1.1")]
    [TestCase("MP-4.1", "MAP 4.1")]
    [TestCase("MS-2.7", "MEASURE 2.7")]
    [TestCase("ms 2.10", "MEASURE 2.10")]
    [TestCase("MG-4.1", "MANAGE 4.1")]
    [TestCase("MEASURE-2.7", "MEASURE 2.7")]
    [TestCase("gv-1", "GOVERN 1")]
    [TestCase("govern", "GOVERN")]
    [TestCase("L3", "MAESTRO-L3")]
    [TestCase("maestro-l3", "MAESTRO-L3")]
    [TestCase("MAESTRO L3", "MAESTRO-L3")]
    [TestCase("MAESTRO-L7:agent-impersonation", "MAESTRO-L7:Agent Impersonation")]
    [TestCase("maestro-l7:Agent Impersonation", "MAESTRO-L7:Agent Impersonation")]
    [TestCase("L1:backdoor-attacks", "MAESTRO-L1:Backdoor Attacks")]
    [TestCase("MAESTRO-L3:backdoor-attacks", "MAESTRO-L3:Backdoor Attacks")]
    [TestCase("MAESTRO-L4:infrastructure-as-code-iac-manipulation", "MAESTRO-L4:Infrastructure-as-Code (IaC) Manipulation")]
    [TestCase("MAESTRO-L7:horizontal-vertical-solution-vulnerabilities", "MAESTRO-L7:Horizontal/Vertical Solution Vulnerabilities")]
    [TestCase("MAESTRO-L4:denial-of-service-attacks", "MAESTRO-L4:Denial of Service (DoS) Attacks")]
    [TestCase("maestro-xl:goal-misalignment-cascades", "MAESTRO-XL:Goal Misalignment Cascades")]
    public void Spelling_normalises_to_the_canonical_id(string raw, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Catalog.Normalize(raw), Is.EqualTo(expected));
            Assert.That(Catalog.TryResolve(raw, out var control), Is.True);
            Assert.That(control?.Id, Is.EqualTo(expected));
        });
    }

    [TestCase("Agent Behaviour Hijack", "ASI01")]
    [TestCase("insecure output handling", "LLM05")]
    [TestCase("Human Use of NHI", "NHI10")]
    public void A_unique_name_or_alias_resolves(string raw, string expected)
    {
        Assert.That(Catalog.Resolve(raw).Id, Is.EqualTo(expected));
    }

    [Test]
    public void Unknown_id_keeps_its_canonical_shape()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Catalog.Normalize("asi-11"), Is.EqualTo("ASI11"));
            Assert.That(Catalog.Normalize("gv-1.8"), Is.EqualTo("GOVERN 1.8"));
            Assert.That(Catalog.TryResolve("ASI11", out var control), Is.False);
            Assert.That(control, Is.Null);
        });
    }

    [TestCase("ASI11", "ASI01")]
    [TestCase("NHI11", "NHI1")]
    [TestCase("LLM11", "LLM01")]
    [TestCase("GV-1.8", "GOVERN 1.1")]
    [TestCase("GV-1.6-001", "GOVERN 1.6")]
    [TestCase("MEASURE 2.14", "MEASURE 2.1")]
    [TestCase("MAESTRO-L7:agent-impersonaton", "MAESTRO-L7:Agent Impersonation")]
    [TestCase("MAESTRO-L8", "MAESTRO-L1")]
    public void Unknown_id_error_names_the_closest_valid_id(string raw, string closest)
    {
        var exception = Assert.Throws<InvalidInputException>(() => Catalog.Resolve(raw));
        Assert.That(exception.Message, Does.Contain($"unknown control '{raw}'; did you mean '{closest}'?"));
    }

    [Test]
    public void Unknown_id_from_a_file_points_at_the_file()
    {
        var exception = Assert.Throws<InvalidInputException>(() => Catalog.Resolve("ASI11", "threats.yaml", 4, 9));
        Assert.That(exception.Problems.Single().ToString(),
            Is.EqualTo($"threats.yaml:4:9: unknown control 'ASI11'; did you mean 'ASI01'? (hint: {ControlCatalog.ListControlsHint})"));
    }

    [Test]
    public void An_ambiguous_name_lists_every_control_it_names()
    {
        var exception = Assert.Throws<InvalidInputException>(() => Catalog.Resolve("Backdoor Attacks"));
        Assert.That(exception.Message, Does.Contain("'MAESTRO-L1:Backdoor Attacks'").And.Contain("'MAESTRO-L3:Backdoor Attacks'"));
    }

    [TestCase("asi", "asi")]
    [TestCase("ASI", "asi")]
    [TestCase("NHI", "nhi")]
    [TestCase("maestro", "maestro")]
    [TestCase("NIST", "nist-ai-rmf")]
    [TestCase("LLM", "llm")]
    [TestCase("T", "agentic-threats")]
    public void Framework_is_found_by_id_or_prefix(string raw, string expected)
    {
        Assert.That(Catalog.TryFindFramework(raw, out var framework), Is.True);
        Assert.That(framework!.Id, Is.EqualTo(expected));
    }

    [Test]
    public void Unknown_framework_lists_the_valid_ones()
    {
        var exception = Assert.Throws<InvalidInputException>(() => Catalog.InFramework("iso42001").ToList());
        Assert.That(exception.Message, Does.Contain("unknown framework 'iso42001'").And.Contain("asi (ASI)").And.Contain("nist-ai-rmf (NIST"));
    }

    [TestCase("TOTALLY-UNRELATED-THING")]
    [TestCase("XYZ-999")]
    public void Unknown_ids_far_from_every_control_get_no_suggestion(string raw)
    {
        Assert.That(ControlCatalog.BuiltIn.FindClosest(raw), Is.Null);
        Assert.That(ControlCatalog.BuiltIn.UnknownControlMessage(raw), Does.Not.Contain("did you mean"));
    }
}
