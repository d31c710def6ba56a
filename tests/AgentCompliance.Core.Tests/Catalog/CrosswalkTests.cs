using AgentCompliance.Core.Catalog;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Catalog;

/// <summary>The crosswalk follows the ASI 2026 appendices and can be walked from either side.</summary>
[TestFixture]
public sealed class CrosswalkTests
{
    private static ControlCatalog Catalog => ControlCatalog.BuiltIn;

    [Test]
    public void Every_crosswalk_target_is_a_control_id()
    {
        var targets = Catalog.Controls.SelectMany(control => control.Related.Select(target => (control.Id, target))).ToList();
        var ids = Catalog.Controls.Select(control => control.Id).ToHashSet(StringComparer.Ordinal);

        Assert.That(targets, Is.Not.Empty);
        Assert.That(targets.Where(pair => !ids.Contains(pair.target)), Is.Empty);
    }

    [TestCase("ASI01", "LLM01,LLM06,T6,T7")]
    [TestCase("ASI04", "LLM03,T17,T2,T11,T12,T13,T16")]
    [TestCase("ASI06", "LLM01,LLM04,LLM08,T1,T4,T6,T12")]
    [TestCase("ASI10", "LLM02,LLM09,T13,T14,T15")]
    [TestCase("NHI2", "ASI02,ASI06")]
    [TestCase("NHI10", "ASI09,ASI01")]
    public void Published_mappings_are_declared(string id, string related)
    {
        Assert.That(Catalog.Resolve(id).Related, Is.EqualTo(related.Split(',')));
    }

    [Test]
    public void Related_works_in_both_directions()
    {
        var llm03 = Catalog.Resolve("LLM03");
        var asi03 = Catalog.Resolve("ASI03");

        Assert.Multiple(() =>
        {
            Assert.That(llm03.Related, Is.Empty);
            Assert.That(Catalog.Related(llm03).Select(control => control.Id), Does.Contain("ASI04"));
            Assert.That(Catalog.Related(asi03).Select(control => control.Id), Is.SupersetOf(new[] { "LLM01", "LLM06", "LLM02", "T3", "NHI3", "NHI4", "NHI5" }));
        });
    }

    [Test]
    public void Related_is_symmetric_across_the_catalog()
    {
        Assert.Multiple(() =>
        {
            foreach (var control in Catalog.Controls)
            {
                foreach (var other in Catalog.Related(control))
                {
                    Assert.That(Catalog.Related(other), Does.Contain(control), $"{control.Id} -> {other.Id}");
                }
            }
        });
    }
}
