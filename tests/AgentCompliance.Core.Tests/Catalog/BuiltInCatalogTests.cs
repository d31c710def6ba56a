using AgentCompliance.Core.Catalog;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Catalog;

/// <summary>The embedded catalog must match the framework reference: counts, exact IDs and names, hierarchy.</summary>
[TestFixture]
public sealed class BuiltInCatalogTests
{
    private static ControlCatalog Catalog => ControlCatalog.BuiltIn;

    [Test]
    public void Every_embedded_catalog_file_is_valid_against_the_catalog_schema()
    {
        // Runs skip this check to start faster, so this test is what keeps a broken data file out of a build.
        var documents = EmbeddedCatalog.LoadDocuments(validateSchema: true);

        Assert.That(documents.Select(document => document.Origin), Is.EquivalentTo(new[]
        {
            "embedded:asi.json", "embedded:agentic-threats.json", "embedded:nhi.json", "embedded:maestro.json",
            "embedded:nist-ai-rmf.json", "embedded:llm.json",
        }));
    }

    [TestCase("asi", 10)]
    [TestCase("agentic-threats", 17)]
    [TestCase("nhi", 10)]
    [TestCase("llm", 10)]
    public void Framework_has_the_reference_number_of_controls(string framework, int expected)
    {
        Assert.That(Catalog.InFramework(framework).Count(), Is.EqualTo(expected));
    }

    [Test]
    public void Frameworks_are_listed_in_a_stable_order()
    {
        Assert.That(Catalog.Frameworks.Select(framework => framework.Id),
            Is.EqualTo(new[] { "asi", "agentic-threats", "nhi", "maestro", "nist-ai-rmf", "llm" }));
        Assert.That(Catalog.Frameworks.All(framework => framework.IsBuiltIn), Is.True);
    }

    [Test]
    public void Ids_of_numbered_frameworks_are_complete_and_canonical()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Catalog.InFramework("asi").Select(control => control.Id), Is.EqualTo(Enumerable.Range(1, 10).Select(n => $"ASI{n:00}")));
            Assert.That(Catalog.InFramework("agentic-threats").Select(control => control.Id), Is.EqualTo(Enumerable.Range(1, 17).Select(n => $"T{n}")));
            Assert.That(Catalog.InFramework("nhi").Select(control => control.Id), Is.EqualTo(Enumerable.Range(1, 10).Select(n => $"NHI{n}")));
            Assert.That(Catalog.InFramework("llm").Select(control => control.Id), Is.EqualTo(Enumerable.Range(1, 10).Select(n => $"LLM{n:00}")));
        });
    }

    [TestCase("ASI01", "Agent Goal Hijack")]
    [TestCase("ASI02", "Tool Misuse and Exploitation")]
    [TestCase("ASI03", "Identity and Privilege Abuse")]
    [TestCase("ASI04", "Agentic Supply Chain Vulnerabilities")]
    [TestCase("ASI05", "Unexpected Code Execution (RCE)")]
    [TestCase("ASI06", "Memory & Context Poisoning")]
    [TestCase("ASI07", "Insecure Inter-Agent Communication")]
    [TestCase("ASI08", "Cascading Failures")]
    [TestCase("ASI09", "Human-Agent Trust Exploitation")]
    [TestCase("ASI10", "Rogue Agents")]
    [TestCase("T1", "Memory Poisoning")]
    [TestCase("T6", "Intent Breaking & Goal Manipulation")]
    [TestCase("T10", "Overwhelming Human in the Loop")]
    [TestCase("T11", "Unexpected RCE and Code Attacks")]
    [TestCase("T16", "Insecure Inter-Agent Protocol Abuse")]
    [TestCase("T17", "Supply Chain Compromise")]
    [TestCase("NHI1", "Improper Offboarding")]
    [TestCase("NHI2", "Secret Leakage")]
    [TestCase("NHI3", "Vulnerable Third-Party NHI")]
    [TestCase("NHI4", "Insecure Authentication")]
    [TestCase("NHI5", "Overprivileged NHI")]
    [TestCase("NHI6", "Insecure Cloud Deployment Configurations")]
    [TestCase("NHI7", "Long-Lived Secrets")]
    [TestCase("NHI8", "Environment Isolation")]
    [TestCase("NHI9", "NHI Reuse")]
    [TestCase("NHI10", "Human Use of NHI")]
    [TestCase("LLM01", "Prompt Injection")]
    [TestCase("LLM03", "Supply Chain")]
    [TestCase("LLM05", "Improper Output Handling")]
    [TestCase("LLM08", "Vector and Embedding Weaknesses")]
    [TestCase("LLM10", "Unbounded Consumption")]
    [TestCase("MAESTRO-L1", "Foundation Models")]
    [TestCase("MAESTRO-L2", "Data Operations")]
    [TestCase("MAESTRO-L3", "Agent Frameworks")]
    [TestCase("MAESTRO-L4", "Deployment and Infrastructure")]
    [TestCase("MAESTRO-L5", "Evaluation and Observability")]
    [TestCase("MAESTRO-L6", "Security and Compliance")]
    [TestCase("MAESTRO-L7", "Agent Ecosystem")]
    public void Official_names_are_exact(string id, string name)
    {
        Assert.That(Catalog.Resolve(id).Name, Is.EqualTo(name));
    }

    [TestCase("ASI01", "Agent Behaviour Hijack")]
    [TestCase("ASI06", "Memory and Context Poisoning")]
    [TestCase("ASI02", "Tool Misuse & Exploitation")]
    [TestCase("LLM05", "Insecure Output Handling")]
    [TestCase("MAESTRO-L4", "Deployment Infrastructure")]
    public void Known_alternative_names_are_aliases(string id, string alias)
    {
        Assert.That(Catalog.Resolve(id).Aliases, Does.Contain(alias));
    }

    [TestCase(1, 7)]
    [TestCase(2, 5)]
    [TestCase(3, 6)]
    [TestCase(4, 6)]
    [TestCase(5, 6)]
    [TestCase(6, 7)]
    [TestCase(7, 13)]
    public void Maestro_layer_lists_its_threats(int layer, int threats)
    {
        var layerControl = Catalog.Resolve($"MAESTRO-L{layer}");
        var children = Catalog.ChildrenOf(layerControl).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(layerControl.Kind, Is.EqualTo(ControlKind.Layer));
            Assert.That(children, Has.Count.EqualTo(threats));
            Assert.That(children.Select(child => child.Kind), Is.All.EqualTo(ControlKind.Threat));
            Assert.That(children.Select(child => child.Id), Is.All.StartsWith($"MAESTRO-L{layer}:"));
            Assert.That(children.Select(child => child.Id), Is.EqualTo(children.Select(child => $"MAESTRO-L{layer}:{child.Name}")));
        });
    }

    [Test]
    public void Maestro_has_seven_layers_and_five_cross_layer_threats()
    {
        var maestro = Catalog.InFramework("maestro").ToList();
        var crossLayer = maestro.Where(control => control.Id.StartsWith("MAESTRO-XL:", StringComparison.Ordinal)).Select(control => control.Name);

        Assert.Multiple(() =>
        {
            Assert.That(maestro.Count(control => control.Kind == ControlKind.Layer), Is.EqualTo(7));
            Assert.That(crossLayer, Is.EqualTo(new[] { "Supply Chain Attacks", "Lateral Movement", "Privilege Escalation", "Data Leakage", "Goal Misalignment Cascades" }));
            Assert.That(maestro, Has.Count.EqualTo(7 + 7 + 5 + 6 + 6 + 6 + 7 + 13 + 5));
        });
    }

    [Test]
    public void Threat_names_repeated_across_layers_get_distinct_ids()
    {
        var backdoors = Catalog.InFramework("maestro").Where(control => control.Name == "Backdoor Attacks").Select(control => control.Id);
        Assert.That(backdoors, Is.EquivalentTo(new[] { "MAESTRO-L1:Backdoor Attacks", "MAESTRO-L3:Backdoor Attacks" }));
    }

    [Test]
    public void Nist_ai_rmf_has_4_functions_19_categories_and_72_subcategories()
    {
        var nist = Catalog.InFramework("nist-ai-rmf").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(nist.Where(control => control.Kind == ControlKind.Function).Select(control => control.Id),
                Is.EqualTo(new[] { "GOVERN", "MAP", "MEASURE", "MANAGE" }));
            Assert.That(nist.Count(control => control.Kind == ControlKind.Category), Is.EqualTo(19));
            Assert.That(nist.Count(control => control.Kind == ControlKind.Subcategory), Is.EqualTo(72));
        });
    }

    [TestCase("GOVERN", 6, 19)]
    [TestCase("MAP", 5, 18)]
    [TestCase("MEASURE", 4, 22)]
    [TestCase("MANAGE", 4, 13)]
    public void Nist_function_has_the_reference_categories_and_subcategories(string function, int categories, int subcategories)
    {
        var categoryControls = Catalog.ChildrenOf(Catalog.Resolve(function)).ToList();
        var subcategoryControls = categoryControls.SelectMany(Catalog.ChildrenOf).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(categoryControls.Select(control => control.Id), Is.EqualTo(Enumerable.Range(1, categories).Select(n => $"{function} {n}")));
            Assert.That(subcategoryControls, Has.Count.EqualTo(subcategories));
            Assert.That(subcategoryControls.Select(control => control.Kind), Is.All.EqualTo(ControlKind.Subcategory));
            Assert.That(subcategoryControls.Select(control => control.Id), Is.All.Match($"^{function} \\d+\\.\\d+$"));
        });
    }

    [TestCase("GOVERN 1.8")]
    [TestCase("MAP 5.3")]
    [TestCase("MEASURE 2.14")]
    [TestCase("MANAGE 4.4")]
    public void Nist_ids_outside_the_72_do_not_resolve(string id)
    {
        Assert.That(Catalog.TryResolve(id, out _), Is.False);
    }

    [TestCase("MEASURE 2.4")]
    [TestCase("MEASURE 2.6")]
    [TestCase("MEASURE 2.7")]
    [TestCase("MEASURE 2.8")]
    [TestCase("MANAGE 2.3")]
    [TestCase("MANAGE 2.4")]
    [TestCase("MANAGE 4.1")]
    [TestCase("GOVERN 1.6")]
    [TestCase("MAP 4.1")]
    [TestCase("MAP 4.2")]
    public void Technically_evidenced_subcategories_are_testable(string id)
    {
        Assert.That(Catalog.Resolve(id).Testable, Is.True);
    }

    [TestCase("GOVERN 2.2")]
    [TestCase("GOVERN 2.1")]
    [TestCase("GOVERN 3.1")]
    [TestCase("MAP 1.3")]
    [TestCase("MANAGE 1.1")]
    public void Organisational_subcategories_are_process_controls(string id)
    {
        Assert.That(Catalog.Resolve(id).Testable, Is.False);
    }

    [Test]
    public void A_nist_category_is_testable_exactly_when_one_of_its_subcategories_is()
    {
        var categories = Catalog.InFramework("nist-ai-rmf").Where(control => control.Kind == ControlKind.Category).ToList();
        Assert.Multiple(() =>
        {
            foreach (var category in categories)
            {
                Assert.That(category.Testable, Is.EqualTo(Catalog.ChildrenOf(category).Any(child => child.Testable)), category.Id);
            }

            Assert.That(Catalog.Resolve("GOVERN 2").Testable, Is.False);
        });
    }

    [Test]
    public void Every_parent_exists_in_the_same_framework()
    {
        var withParents = Catalog.Controls.Where(control => control.Parent is not null).ToList();
        Assert.That(withParents, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var control in withParents)
            {
                Assert.That(Catalog.TryResolve(control.Parent!, out var parent), Is.True, control.Id);
                Assert.That(parent!.FrameworkId, Is.EqualTo(control.FrameworkId), control.Id);
                Assert.That(parent.Id, Is.EqualTo(control.Parent), control.Id);
            }
        });
    }

    [Test]
    public void Every_control_has_a_name_and_description_and_a_unique_id()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Catalog.Controls.Select(control => control.Id), Is.Unique);
            Assert.That(Catalog.Controls.Select(control => control.Name), Has.None.Empty);
            Assert.That(Catalog.Controls.Select(control => control.Description), Has.None.Empty);
            Assert.That(Catalog.Controls, Has.Count.EqualTo(10 + 17 + 10 + 62 + 95 + 10));
        });
    }
}
