using AgentCompliance.Core.Catalog;
using AgentCompliance.Scenarios.Tags;

namespace AgentCompliance.Scenarios.Tests;

public class TagMappingTests
{
    private static readonly CatalogControlTagMapper Mapper = new(ControlCatalog.BuiltIn);

    [Test]
    public void Control_tags_are_normalised_through_the_catalog_and_other_tags_ignored()
    {
        var controls = Mapper.ControlsFor(["smoke", "asi03", "NHI7", "LLM01", "T12", "ASI03", "GV-1.6", "MAESTRO-L4", "severity:high"]);

        Assert.That(controls, Is.EqualTo(new[] { "ASI03", "NHI7", "LLM01", "T12", "GOVERN 1.6", "MAESTRO-L4" }));
    }

    [Test]
    public void A_control_shaped_tag_that_names_no_control_is_a_problem_naming_the_closest()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Mapper.ProblemWith("ASI11"), Does.Contain("ASI01"));
            Assert.That(Mapper.ProblemWith("smoke"), Is.Null);
            Assert.That(Mapper.ProblemWith("severity:high"), Is.Null);
            Assert.That(Mapper.ProblemWith("ASI03"), Is.Null);
        });
    }

    [Test]
    public void The_last_severity_tag_wins_and_is_lower_cased()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SeverityTag.Find(["severity:high", "x", "severity:CRITICAL"]), Is.EqualTo("critical"));
            Assert.That(SeverityTag.Find(["severity"]), Is.Null);
            Assert.That(SeverityTag.IsKnown("info"), Is.True);
            Assert.That(SeverityTag.IsKnown("urgent"), Is.False);
        });
    }
}
