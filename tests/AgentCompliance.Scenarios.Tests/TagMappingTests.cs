using AgentCompliance.Scenarios.Tags;

namespace AgentCompliance.Scenarios.Tests;

public class TagMappingTests
{
    [Test]
    public void Control_tags_are_normalised_and_other_tags_ignored()
    {
        var controls = new PatternControlTagMapper().ControlsFor(["smoke", "asi03", "NHI7", "LLM01-prompt-injection", "T12", "ASI03", "TOKEN", "severity:high"]);

        Assert.That(controls, Is.EqualTo(new[] { "ASI03", "NHI7", "LLM01", "T12" }));
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
