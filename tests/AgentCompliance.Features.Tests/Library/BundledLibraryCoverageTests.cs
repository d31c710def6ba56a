using AgentCompliance.Core.Catalog;
using AgentCompliance.Tests;

namespace AgentCompliance.Features.Tests.Library;

/// <summary>
/// The bundled control library (<c>features/</c>) proves its own coverage: every OWASP ASI and NHI entry, every MAESTRO
/// layer and the NIST AI RMF subcategories the library promises are tagged by at least one runnable scenario; every
/// scenario carries exactly one severity; every control-shaped tag names a catalog control.
/// </summary>
[TestFixture]
public sealed class BundledLibraryCoverageTests
{
    private static readonly string[] NistSubcategories =
    [
        "MEASURE 2.4", "MEASURE 2.6", "MEASURE 2.7", "MEASURE 2.8", "MANAGE 2.3", "MANAGE 2.4", "MANAGE 4.1", "GOVERN 1.6", "MAP 4.1", "MAP 4.2",
    ];

    // The library's @control: tags name the sample organisation catalog, as the demo profile does.
    private static ControlCatalog Catalog() =>
        ControlCatalog.Create([ControlCatalog.LoadJsonCatalogFile(RepositoryLayout.PathOf("samples", "catalogs", "acme-agent-controls.json"))]);

    private static IEnumerable<string> Required() =>
        Enumerable.Range(1, 10).Select(n => $"ASI{n:00}")
            .Concat(Enumerable.Range(1, 10).Select(n => $"NHI{n}"))
            .Concat(Enumerable.Range(1, 7).Select(n => $"MAESTRO-L{n}"))
            .Concat(NistSubcategories);

    [Test]
    public void Every_framework_control_the_library_promises_is_tagged_by_a_runnable_scenario()
    {
        var catalog = Catalog();
        var coverage = LibraryCoverage.Of(RepositoryLayout.PathOf("features"), catalog);

        Assert.Multiple(() =>
        {
            Assert.That(coverage.ScenarioCount, Is.GreaterThan(50));
            Assert.That(coverage.Missing(Required(), catalog), Is.Empty, "controls no runnable scenario tags");
        });
    }

    [Test]
    public void Every_scenario_has_one_severity_and_only_catalog_control_tags()
    {
        var coverage = LibraryCoverage.Of(RepositoryLayout.PathOf("features"), Catalog());

        Assert.That(coverage.Problems, Is.Empty);
    }

    [Test]
    public void The_check_reports_ignored_scenarios_as_no_coverage_and_names_every_problem()
    {
        var catalog = Catalog();
        var coverage = LibraryCoverage.Of(Path.Combine(AppContext.BaseDirectory, "TestData", "Coverage"), catalog);

        Assert.Multiple(() =>
        {
            Assert.That(coverage.Missing(["ASI06", "NHI8", "MAESTRO-L2", "ASI03", "MAESTRO-L4"], catalog), Is.EqualTo(new[] { "ASI06", "NHI8", "MAESTRO-L2" }));
            Assert.That(coverage.ScenariosByControl["MAESTRO-L4"], Has.Count.EqualTo(1), "a threat tag covers its layer");
            Assert.That(coverage.Problems, Has.Some.Contains("coverage.feature:").And.Contains("unknown control 'ASI11'; did you mean 'ASI01'?"));
            Assert.That(coverage.Problems, Has.Some.Contains("Two severities").And.Contains("exactly one severity"));
            Assert.That(coverage.Problems, Has.Some.Contains("No severity").And.Contains("exactly one severity"));
            Assert.That(coverage.Problems, Has.Some.Contains("No control").And.Contains("tags no catalog control"));
        });
    }
}
