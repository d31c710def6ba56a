using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;
using AgentCompliance.ThreatModel.Rules;

namespace AgentCompliance.ThreatModel.Tests.Rules;

/// <summary>The two checks every rule's tests make.</summary>
internal static class RuleAssert
{
    public static void FiresOn(IThreatRule rule, SystemModel model, string target)
    {
        var matches = rule.Evaluate(new ModelView(model)).ToList();

        Assert.That(matches.Select(m => m.ElementId), Does.Contain(target), $"{rule.Metadata.Id} should fire on {target}");
        Assert.That(matches.First(m => m.ElementId == target).Reason, Is.Not.Empty);
    }

    public static void DoesNotFireOn(IThreatRule rule, SystemModel model)
    {
        var matches = rule.Evaluate(new ModelView(model)).ToList();

        Assert.That(matches, Is.Empty, () => string.Join("; ", matches.Select(m => $"{m.ElementId}: {m.Reason}")));
    }
}
