using AgentCompliance.Reporting.Sarif;

namespace AgentCompliance.Reporting.Tests.Sarif;

/// <summary>A failure message on one line for a summary table: it must still name the problem.</summary>
public sealed class ScenarioMessagesTests
{
    [TestCase("agent 'x': lives 86400 s, more than 900 s", "agent 'x': lives 86400 s, more than 900 s", TestName = "One line stays as it is")]
    [TestCase("\n  token endpoint is plain http\nsecond line", "token endpoint is plain http", TestName = "The first non-empty line of a paragraph")]
    [TestCase("findings of AC0001:\n  - A.cs:27:35 AC0001 Hard-coded API key", "findings of AC0001: A.cs:27:35 AC0001 Hard-coded API key", TestName = "A list's introduction gets its only item")]
    [TestCase("findings of AC0001:\n  - A.cs:27 key\n  - B.cs:3 key\n  - C.cs:9 key", "findings of AC0001: A.cs:27 key (and 2 more)", TestName = "A list's introduction gets its first item and a count")]
    [TestCase("nothing follows:", "nothing follows:", TestName = "An introduction with no list stays")]
    [TestCase("", "", TestName = "Empty stays empty")]
    public void Headline_puts_the_problem_on_one_line(string message, string headline) =>
        Assert.That(ScenarioMessages.Headline(message), Is.EqualTo(headline));
}
