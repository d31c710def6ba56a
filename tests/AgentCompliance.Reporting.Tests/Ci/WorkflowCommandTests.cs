using AgentCompliance.Reporting.Ci;

namespace AgentCompliance.Reporting.Tests.Ci;

public sealed class WorkflowCommandTests
{
    [TestCase("plain", "plain")]
    [TestCase("50% done", "50%25 done")]
    [TestCase("line one\nline two", "line one%0Aline two")]
    [TestCase("crlf\r\nend", "crlf%0D%0Aend")]
    [TestCase("%0A is not a newline", "%250A is not a newline")]
    [TestCase("a: b, c", "a: b, c")]
    public void Message_data_escapes_percent_and_line_breaks_only(string data, string expected) =>
        Assert.That(WorkflowCommand.EscapeData(data), Is.EqualTo(expected));

    [TestCase("features/a b.feature", "features/a b.feature")]
    [TestCase("ASI03 failed (high, new)", "ASI03 failed (high%2C new)")]
    [TestCase("C:\\x", "C%3A\\x")]
    [TestCase("50%\n", "50%25%0A")]
    [TestCase("a,b:c\r", "a%2Cb%3Ac%0D")]
    public void Property_values_also_escape_colon_and_comma(string value, string expected) =>
        Assert.That(WorkflowCommand.EscapeProperty(value), Is.EqualTo(expected));

    [Test]
    public void A_message_cannot_start_a_command_of_its_own()
    {
        var line = WorkflowCommand.Format("error", [("file", "x.feature"), ("line", "3"), ("title", "t, with: punctuation")], "boom\n::add-mask::secret");

        Assert.Multiple(() =>
        {
            Assert.That(line, Is.EqualTo("::error file=x.feature,line=3,title=t%2C with%3A punctuation::boom%0A::add-mask::secret"));
            Assert.That(line, Does.Not.Contain('\n'));
        });
    }

    [Test]
    public void A_command_without_properties_has_no_space_before_the_message_separator() =>
        Assert.That(WorkflowCommand.Format("notice", [], "done"), Is.EqualTo("::notice::done"));
}
