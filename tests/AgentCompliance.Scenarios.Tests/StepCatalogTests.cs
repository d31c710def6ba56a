using System.Reflection;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Scenarios.Bindings;
using AgentCompliance.Scenarios.Hosting;

namespace AgentCompliance.Scenarios.Tests;

/// <summary>Step descriptions come from the binding registry and the XML documentation next to the DLL.</summary>
public class StepCatalogTests
{
    private const string DocumentedSource = """
        using Reqnroll;
        namespace Documented;

        /// <summary>Token lifetime controls, checked with <c>exp</c> claims.</summary>
        [Binding]
        public sealed class TokenSteps
        {
            /// <summary>
            /// Requests a token for <paramref name="agent"/>;
            /// the token endpoint comes from the profile.
            ///
            /// <para>Fails when the issuer refuses.</para>
            /// </summary>
            /// <param name="agent">The agent's <c>client_id</c>.</param>
            /// <param name="scopes">Scopes, one per row.</param>
            /// <example>
            /// Given agent "planner" requests a token with these scopes:
            ///   | scope |
            ///   | read  |
            /// </example>
            [Given("agent {string} requests a token with these scopes:")]
            public void Request(string agent, DataTable scopes) { }

            /// <summary>The token expires within the bound.</summary>
            /// <example>Then the token expires within 300 seconds</example>
            [Then(@"^the token expires within (\d+) seconds$")]
            public void Expires(int? seconds) { }

            /// <summary>Used as precondition and as action.</summary>
            /// <example>When the clock moves on</example>
            [Given("the clock moves on")]
            [When("the clock moves on")]
            public void ClockMovesOn() { }

            [Then("the token is {word}")]
            public void Undocumented(string state) { }

            [Then("the token is revoked")]
            public void Revoked() { }
        }
        """;

    private static Assembly LoadDocumented(TempFolder temp, bool keepDocumentation = true)
    {
        var path = BindingCompiler.CompileDocumented(Path.Combine(temp.Path, "bin"), $"Documented{Guid.NewGuid():N}", DocumentedSource);
        if (!keepDocumentation)
        {
            File.Delete(Path.ChangeExtension(path, ".xml"));
        }

        return BindingAssemblyFiles.Load([path], temp.Path).Single();
    }

    [Test]
    public void Keywords_patterns_and_parameters_come_from_the_binding_registry_in_declaration_order()
    {
        using var temp = new TempFolder();
        var steps = StepCatalog.Load([LoadDocumented(temp)]).Steps.ToList();

        Assert.Multiple(() =>
        {
            Assert.That(steps.Select(step => $"{string.Join("/", step.Keywords)} {step.Pattern}"), Is.EqualTo(new[]
            {
                "Given agent {string} requests a token with these scopes:",
                @"Then ^the token expires within (\d+) seconds$",
                "Given/When the clock moves on",
                "Then the token is {word}",
                "Then the token is revoked",
            }));
            Assert.That(steps.Select(step => step.PatternKind), Is.EqualTo(new[]
            {
                StepPatternKind.CucumberExpression, StepPatternKind.RegularExpression, StepPatternKind.CucumberExpression,
                StepPatternKind.CucumberExpression, StepPatternKind.CucumberExpression,
            }));
            Assert.That(steps[0].Parameters.Select(parameter => $"{parameter.Name}: {parameter.Type}"), Is.EqualTo(new[] { "agent: string", "scopes: DataTable" }));
            Assert.That(steps[1].Method, Is.EqualTo("Expires(int?)"));
            Assert.That(steps[0].BindingClass, Is.EqualTo("Documented.TokenSteps"));
        });
    }

    [Test]
    public void Summary_param_and_example_documentation_describe_the_step()
    {
        using var temp = new TempFolder();
        var catalog = StepCatalog.Load([LoadDocumented(temp)]);
        var request = catalog.Steps.First();

        Assert.Multiple(() =>
        {
            Assert.That(catalog.Classes.Single().Description, Is.EqualTo("Token lifetime controls, checked with `exp` claims."));
            Assert.That(request.Description, Is.EqualTo("Requests a token for agent; the token endpoint comes from the profile.\n\nFails when the issuer refuses."));
            Assert.That(request.Parameters.Select(parameter => parameter.Description), Is.EqualTo(new[] { "The agent's `client_id`.", "Scopes, one per row." }));
            Assert.That(request.Example, Is.EqualTo("Given agent \"planner\" requests a token with these scopes:\n  | scope |\n  | read  |"));
        });
    }

    [Test]
    public void Undocumented_steps_and_a_missing_documentation_file_give_empty_text_not_an_error()
    {
        using var temp = new TempFolder();
        var withFile = StepCatalog.Load([LoadDocumented(temp)]).Steps.Single(step => step.Pattern == "the token is {word}");
        using var otherTemp = new TempFolder();
        var withoutFile = StepCatalog.Load([LoadDocumented(otherTemp, keepDocumentation: false)]).Steps.ToList();

        Assert.Multiple(() =>
        {
            Assert.That((withFile.Description, withFile.Example), Is.EqualTo((string.Empty, string.Empty)));
            Assert.That(withoutFile, Has.Count.EqualTo(5));
            Assert.That(withoutFile.Select(step => step.Description + step.Example), Is.All.Empty);
        });
    }

    [Test]
    public void A_step_line_matches_the_definitions_Reqnroll_would_bind_it_to()
    {
        using var temp = new TempFolder();
        var catalog = StepCatalog.Load([LoadDocumented(temp)]);

        Assert.Multiple(() =>
        {
            Assert.That(catalog.Matching("Then the token expires within 300 seconds").Select(step => step.Method), Is.EqualTo(new[] { "Expires(int?)" }));
            Assert.That(catalog.Matching("When the clock moves on").Select(step => step.Method), Is.EqualTo(new[] { "ClockMovesOn()" }));
            Assert.That(catalog.Matching("Then the clock moves on"), Is.Empty, "the keyword must be one the step is defined for");
            Assert.That(catalog.Matching("Then the token expires within soon seconds"), Is.Empty);
            Assert.That(catalog.Matching("Then the token is revoked").Select(step => step.Method), Is.EqualTo(new[] { "Undocumented(string)", "Revoked()" }), "ambiguous");
        });
    }

    [Test]
    public void Invalid_bindings_are_reported_as_invalid_input()
    {
        using var temp = new TempFolder();
        var path = BindingCompiler.Compile(Path.Combine(temp.Path, "bad"), $"BadPattern{Guid.NewGuid():N}", """
            using Reqnroll;
            namespace BadPattern;
            [Binding]
            public sealed class Steps
            {
                [Given("an unclosed {string")]
                public void Broken(string value) { }
            }
            """);
        var assembly = BindingAssemblyFiles.Load([path], temp.Path).Single();

        var error = Assert.Throws<InvalidInputException>(() => StepCatalog.Load([assembly]))!;
        Assert.That(error.Problems.Single().Message, Does.StartWith("invalid binding:"));
    }
}
