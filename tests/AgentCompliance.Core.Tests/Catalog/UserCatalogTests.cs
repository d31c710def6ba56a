using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Diagnostics;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Catalog;

/// <summary>User catalogs add an organisation's own controls; mistakes in them are reported at file:line:col.</summary>
[TestFixture]
public sealed class UserCatalogTests
{
    private const string ValidCatalog = """
        {
          "frameworks": [
            { "id": "acme", "name": "ACME internal agent controls", "prefixes": ["ACME"] }
          ],
          "controls": [
            {
              "id": "ACME-IAM",
              "name": "Agent identity",
              "framework": "acme",
              "kind": "category",
              "description": "Identity controls for agents."
            },
            {
              "id": "ACME-IAM-01",
              "name": "Per-agent workload identity",
              "framework": "acme",
              "kind": "control",
              "parent": "ACME-IAM",
              "description": "Every agent has a workload identity of its own.",
              "related": ["asi-03", "NHI9:2025", "GV-1.6"]
            },
            {
              "id": "ACME-GOV-02",
              "name": "Quarterly access review",
              "framework": "acme",
              "kind": "control",
              "description": "Agent permissions are reviewed every quarter.",
              "testable": false
            }
          ]
        }
        """;

    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory()
    {
        directory = Path.Combine(Path.GetTempPath(), "agentcompliance-catalog-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void User_catalog_adds_controls_and_a_framework()
    {
        var catalog = ControlCatalog.Create([ControlCatalog.LoadJsonCatalogFile(Write("acme.json", ValidCatalog))]);
        var control = catalog.Resolve("acme-iam-01");

        Assert.Multiple(() =>
        {
            Assert.That(catalog.Frameworks.Select(framework => framework.Id), Does.Contain("acme"));
            Assert.That(catalog.TryFindFramework("ACME", out var acme) && !acme.IsBuiltIn, Is.True);
            Assert.That(catalog.InFramework("acme").Select(item => item.Id), Is.EqualTo(new[] { "ACME-IAM", "ACME-IAM-01", "ACME-GOV-02" }));
            Assert.That(control.Kind, Is.EqualTo(ControlKind.Control));
            Assert.That(control.Parent, Is.EqualTo("ACME-IAM"));
            Assert.That(control.Related, Is.EqualTo(new[] { "ASI03", "NHI9", "GOVERN 1.6" }));
            Assert.That(catalog.Related(catalog.Resolve("ASI03")), Does.Contain(control));
            Assert.That(catalog.Resolve("ACME-GOV-02").Testable, Is.False);
            Assert.That(catalog.TryParseControlTag("@control:ACME-IAM-01", out var tagged, out _) ? tagged : null, Is.EqualTo(control));
            Assert.That(catalog.Controls, Has.Count.EqualTo(ControlCatalog.BuiltIn.Controls.Count + 3));
        });

        Assert.That(ControlCatalog.BuiltIn.TryResolve("ACME-IAM-01", out _), Is.False, "the built-in catalog is not changed");
    }

    [Test]
    public void Missing_required_property_is_reported_at_the_control()
    {
        var path = Write("broken.json", """
            {
              "controls": [
                {
                  "id": "ACME-1",
                  "name": "No kind",
                  "framework": "acme",
                  "description": "Kind is missing."
                }
              ]
            }
            """);

        var problem = SingleProblem(() => ControlCatalog.LoadJsonCatalogFile(path));
        Assert.Multiple(() =>
        {
            Assert.That(problem.File, Is.EqualTo(path));
            Assert.That(problem.Line, Is.EqualTo(3));
            Assert.That(problem.Message, Does.Contain("missing required property 'kind'"));
            Assert.That(problem.ToString(), Does.StartWith($"{path}:3:"));
        });
    }

    [Test]
    public void Wrong_value_is_reported_at_its_line_and_column()
    {
        var path = Write("badkind.json", """
            {
              "controls": [
                {
                  "id": "ACME-1",
                  "name": "Odd kind",
                  "framework": "acme",
                  "kind": "gadget",
                  "description": "Kind is not allowed."
                }
              ]
            }
            """);

        var problem = SingleProblem(() => ControlCatalog.LoadJsonCatalogFile(path));
        Assert.Multiple(() =>
        {
            Assert.That(problem.Line, Is.EqualTo(7));
            Assert.That(problem.Column, Is.GreaterThan(1));
            Assert.That(problem.Message, Does.Contain("controls[0].kind").And.Contain("'gadget' is not one of"));
        });
    }

    [Test]
    public void Unknown_property_is_rejected()
    {
        var path = Write("extra.json", """
            {
              "controls": [],
              "owner": "security"
            }
            """);

        var problem = SingleProblem(() => ControlCatalog.LoadJsonCatalogFile(path));
        Assert.That(problem.Message, Does.Contain("unknown property 'owner'"));
        Assert.That(problem.Line, Is.EqualTo(3));
    }

    [Test]
    public void Json_syntax_error_is_reported_at_its_line()
    {
        var path = Write("syntax.json", """
            {
              "controls": [
                { "id": "ACME-1" "name": "missing comma" }
              ]
            }
            """);

        var problem = SingleProblem(() => ControlCatalog.LoadJsonCatalogFile(path));
        Assert.Multiple(() =>
        {
            Assert.That(problem.Line, Is.EqualTo(3));
            Assert.That(problem.Message, Does.StartWith("invalid JSON:"));
            Assert.That(problem.Message, Does.Not.Contain("Path '"));
        });
    }

    [Test]
    public void Content_after_the_document_is_an_error()
    {
        var path = Write("twice.json", "{ \"controls\": [] }\n{ \"controls\": [] }\n");

        var problem = SingleProblem(() => ControlCatalog.LoadJsonCatalogFile(path));
        Assert.That(problem.Line, Is.EqualTo(2));
        Assert.That(problem.Message, Does.StartWith("invalid JSON:"));
    }

    [Test]
    public void Missing_file_is_an_input_error()
    {
        var path = Path.Combine(directory, "absent.json");
        var problem = SingleProblem(() => ControlCatalog.LoadJsonCatalogFile(path));
        Assert.That(problem.ToString(), Does.StartWith($"{path}: cannot read catalog file"));
    }

    [Test]
    public void Duplicate_of_a_built_in_id_is_an_error()
    {
        var document = Load("dup.json", """
            {
              "frameworks": [ { "id": "acme", "name": "ACME" } ],
              "controls": [
                { "id": "asi01", "name": "Mine", "framework": "acme", "kind": "control", "description": "Clashes." }
              ]
            }
            """);

        var problem = SingleProblem(() => ControlCatalog.Create([document]));
        Assert.Multiple(() =>
        {
            Assert.That(problem.Line, Is.EqualTo(4));
            Assert.That(problem.Message, Does.Contain("duplicate control id 'asi01'"));
        });
    }

    [Test]
    public void Duplicate_id_across_user_catalogs_names_the_first_definition()
    {
        var first = Load("first.json", """
            {
              "frameworks": [ { "id": "acme", "name": "ACME" } ],
              "controls": [ { "id": "ACME-1", "name": "One", "framework": "acme", "kind": "control", "description": "First." } ]
            }
            """);
        var second = Load("second.json", """
            {
              "controls": [
                { "id": "ACME-1", "name": "Again", "framework": "acme", "kind": "control", "description": "Second." }
              ]
            }
            """);

        var problem = SingleProblem(() => ControlCatalog.Create([first, second]));
        Assert.Multiple(() =>
        {
            Assert.That(problem.File, Is.EqualTo(second.Origin));
            Assert.That(problem.Line, Is.EqualTo(3));
            Assert.That(problem.Message, Does.Contain($"first defined in {first.Origin}:3:"));
        });
    }

    [Test]
    public void Unknown_crosswalk_target_suggests_the_closest_control()
    {
        var document = Load("related.json", """
            {
              "frameworks": [ { "id": "acme", "name": "ACME" } ],
              "controls": [
                { "id": "ACME-1", "name": "One", "framework": "acme", "kind": "control", "description": "x", "related": ["ASI11"] }
              ]
            }
            """);

        var problem = SingleProblem(() => ControlCatalog.Create([document]));
        Assert.That(problem.Message, Does.Contain("related unknown control 'ASI11'; did you mean 'ASI01'?"));
        Assert.That(problem.Line, Is.EqualTo(4));
    }

    [Test]
    public void Built_in_frameworks_cannot_be_extended()
    {
        var document = Load("extend.json", """
            {
              "controls": [
                { "id": "ASI11", "name": "Eleventh", "framework": "asi", "kind": "risk", "description": "Not in the Top 10." }
              ]
            }
            """);

        var problem = SingleProblem(() => ControlCatalog.Create([document]));
        Assert.That(problem.Message, Does.Contain("framework 'asi' is built in"));
    }

    [Test]
    public void Parent_must_exist_in_the_same_framework()
    {
        var document = Load("parent.json", """
            {
              "frameworks": [ { "id": "acme", "name": "ACME" } ],
              "controls": [
                { "id": "ACME-1", "name": "One", "framework": "acme", "kind": "control", "description": "x", "parent": "GOVERN 1" },
                { "id": "ACME-2", "name": "Two", "framework": "acme", "kind": "control", "description": "x", "parent": "ACME-9" }
              ]
            }
            """);

        var exception = Assert.Throws<InvalidInputException>(() => ControlCatalog.Create([document]));
        Assert.That(exception.Problems.Select(problem => problem.Line), Is.EqualTo(new[] { 4, 5 }));
        Assert.That(exception.Problems[0].Message, Does.Contain("belongs to framework 'nist-ai-rmf'"));
        Assert.That(exception.Problems[1].Message, Does.Contain("parent unknown control 'ACME-9'"));
    }

    [Test]
    public void Framework_prefix_already_taken_is_an_error()
    {
        var document = Load("prefix.json", """
            {
              "frameworks": [ { "id": "acme", "name": "ACME", "prefixes": ["NIST"] } ],
              "controls": []
            }
            """);

        var problem = SingleProblem(() => ControlCatalog.Create([document]));
        Assert.That(problem.Message, Does.Contain("prefix 'NIST' is already used by framework 'nist-ai-rmf'"));
        Assert.That(problem.Line, Is.EqualTo(2));
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    private CatalogDocument Load(string name, string json) => ControlCatalog.LoadJsonCatalogFile(Write(name, json));

    private static InputProblem SingleProblem(TestDelegate action)
    {
        var exception = Assert.Throws<InvalidInputException>(action);
        Assert.That(exception.Problems, Has.Count.EqualTo(1), exception.Message);
        return exception.Problems[0];
    }
}
