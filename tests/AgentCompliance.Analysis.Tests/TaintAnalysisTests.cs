using AgentCompliance.Analysis.Engine;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Tests;

/// <summary>The data flow the tool rules rely on: what carries a tool argument, and what cleans it.</summary>
[TestFixture]
public sealed class TaintAnalysisTests
{
    [TestCase("var a = input; var b = $\"x{a}\"; var sink = b;", SinkKind.Sql, true)]
    [TestCase("var parts = input.Split(','); foreach (var part in parts) { sink = part.Trim(); }", SinkKind.Sql, true)]
    [TestCase("var n = int.Parse(input); var sink = \"row \" + n;", SinkKind.Sql, false)]
    [TestCase("var ok = int.TryParse(input, out var n); var sink = n.ToString();", SinkKind.Sql, false)]
    [TestCase("if (!Uri.TryCreate(input, UriKind.Absolute, out var sink)) return;", SinkKind.Url, true)]
    [TestCase("if (!Uri.TryCreate(input, UriKind.Absolute, out var sink) || !AllowedHosts.Contains(sink.Host)) return;", SinkKind.Url, false)]
    [TestCase("if (!Regex.IsMatch(input, \"^[a-z]+$\")) throw new ArgumentException(); var sink = input;", SinkKind.FilePath, false)]
    [TestCase("var sink = Path.Combine(\"/data\", Path.GetFileName(input));", SinkKind.FilePath, false)]
    [TestCase("var sink = Path.Combine(\"/data\", Path.GetFileName(input));", SinkKind.Sql, true)]
    [TestCase("var sink = Path.GetFullPath(input);", SinkKind.FilePath, true)]
    [TestCase("var sink = Path.GetFullPath(input); if (!sink.StartsWith(\"/data/\")) throw new ArgumentException();", SinkKind.FilePath, false)]
    [TestCase("var sink = $\"https://api.example.com/items/{input}\";", SinkKind.Url, false)]
    [TestCase("var sink = $\"https://{input}/items\";", SinkKind.Url, true)]
    [TestCase("var sink = input.Length;", SinkKind.Sql, false)]
    public void Taint_reaches_the_sink_only_where_expected(string body, SinkKind kind, bool tainted)
    {
        var method = (MethodDeclarationSyntax)CSharpSyntaxTree.ParseText($"class C {{ void M(string input, int count) {{ string sink = null; {body} Use(sink); }} }}")
            .GetRoot().DescendantNodes().First(node => node is MethodDeclarationSyntax);
        var analysis = TaintAnalysis.FromParameters(method.Body, method.ParameterList.Parameters);
        var use = method.DescendantNodes().OfType<InvocationExpressionSyntax>().Last().ArgumentList.Arguments[0].Expression;

        Assert.That(analysis.Origin(use, kind), tainted ? Is.EqualTo("input") : Is.Null);
    }

    [Test]
    public void Numeric_and_infrastructure_parameters_carry_no_taint()
    {
        var method = (MethodDeclarationSyntax)CSharpSyntaxTree.ParseText("class C { void M(int id, CancellationToken token, ILogger logger, Kernel kernel, string name) { } }")
            .GetRoot().DescendantNodes().First(node => node is MethodDeclarationSyntax);

        var analysis = TaintAnalysis.FromParameters(method.Body, method.ParameterList.Parameters);

        Assert.That(analysis.TaintedNames.Keys, Is.EquivalentTo(new[] { "name" }));
    }
}
