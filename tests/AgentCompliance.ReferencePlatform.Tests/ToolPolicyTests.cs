using AgentCompliance.ReferencePlatform.Policy;

namespace AgentCompliance.ReferencePlatform.Tests;

/// <summary>The bundled policy files decide as the configurations promise, and a malformed policy file is refused.</summary>
public sealed class ToolPolicyTests
{
    [TestCase("research-agent", "search_documents", "invoke", false, true)]
    [TestCase("research-agent", "issue_refund", "invoke", false, false)]
    [TestCase("billing-agent", "issue_refund", "delete", false, false)]
    [TestCase("unregistered-agent", "search_documents", "invoke", false, false)]
    [TestCase("support-agent", "create_ticket", "invoke", true, false)]
    public void The_hardened_policy_allows_each_agent_only_its_own_tools_until_a_sensitive_action(string agent, string tool, string action, bool sensitive, bool allowed)
    {
        var (isAllowed, reason) = ToolPolicy.Load(PlatformConfiguration.HardenedName).Decide(agent, ToolPolicy.ToolKind, tool, action, sensitive);

        Assert.That(isAllowed, Is.EqualTo(allowed), reason);
    }

    [Test]
    public void The_weak_policy_allows_anyone_anything()
    {
        var (allowed, _) = ToolPolicy.Load(PlatformConfiguration.WeakName).Decide("unregistered-agent", ToolPolicy.ToolKind, "issue_refund", "delete", sensitiveActionPerformed: true);

        Assert.That(allowed, Is.True);
    }

    [Test]
    public void A_policy_file_with_an_unknown_key_is_refused_naming_the_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"rules": [], "defaultEffect": "allow"}""");
        try
        {
            Assert.That(() => ToolPolicy.Load(file), Throws.ArgumentException.With.Message.Contains(file).And.Message.Contains("defaultEffect"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
