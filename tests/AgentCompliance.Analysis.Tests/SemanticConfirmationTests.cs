using AgentCompliance.Analysis.Loading;

namespace AgentCompliance.Analysis.Tests;

/// <summary>Where symbols resolve, the semantic model overrules a name-only match; where they do not, syntax decides.</summary>
[TestFixture]
public sealed class SemanticConfirmationTests
{
    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("agentcompliance-semantic-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void A_project_type_named_File_is_not_the_file_system()
    {
        var report = Analyze("""
            using Microsoft.SemanticKernel;

            namespace Shop
            {
                public static class File
                {
                    public static string ReadAllText(string key) => key.ToUpperInvariant();
                }

                public class Notes
                {
                    [KernelFunction]
                    public string Read(string name) { System.Diagnostics.Trace.TraceInformation("read"); return File.ReadAllText(name); }

                    [KernelFunction]
                    public string ReadDisk(string name) { System.Diagnostics.Trace.TraceInformation("read"); return System.IO.File.ReadAllText(name); }
                }
            }
            """);

        Assert.That(report.Findings.Where(finding => finding.Rule.Id == "AC0010").Select(finding => finding.Location.StartLine), Is.EqualTo(new[] { 16 }));
    }

    [Test]
    public void A_client_whose_type_resolves_elsewhere_is_not_an_http_request()
    {
        var report = Analyze("""
            using Microsoft.SemanticKernel;

            public sealed class CatalogClient
            {
                public Task<string> GetStringAsync(string sku) => Task.FromResult(sku);
            }

            public class Catalog(CatalogClient catalog, HttpClient http, IUnknownClient unknown)
            {
                [KernelFunction]
                public async Task<string> Lookup(string sku)
                {
                    System.Diagnostics.Trace.TraceInformation("lookup");
                    var local = await catalog.GetStringAsync(sku);
                    var remote = await http.GetStringAsync(sku);
                    return local + remote + await unknown.GetStringAsync(sku);
                }
            }
            """);

        // The HttpClient call and the unresolved client (syntax decides) are reported; the project's own client is not.
        Assert.That(report.Findings.Where(finding => finding.Rule.Id == "AC0011").Select(finding => finding.Location.StartLine), Is.EqualTo(new[] { 15, 16 }));
    }

    private Model.AnalysisReport Analyze(string source)
    {
        var path = Path.Combine(directory, "Code.cs");
        File.WriteAllText(path, source);
        return new CodeAnalyzer().Analyze(CodebaseLoader.Load(path));
    }
}
