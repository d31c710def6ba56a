using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AgentCompliance.Analysis.Loading;

/// <summary>
/// Builds one ad-hoc compilation from C# files: parsed in parallel, referencing the running framework and the SDK's
/// implicit global usings. The analysed code's NuGet packages are absent, so rules must also work on syntax alone.
/// </summary>
internal static class FolderCompilationBuilder
{
    /// <summary>Path given to the synthetic global-usings tree; the analyzer skips it.</summary>
    public const string ImplicitUsingsPath = "<implicit-usings>.g.cs";

    private static readonly string[] ExcludedDirectories = ["bin", "obj", ".git", ".vs", "node_modules"];

    // What an SDK project with ImplicitUsings=enable would add, so File/Path/HttpClient bind without usings.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Preview, DocumentationMode.None);

    public static IReadOnlyList<string> FindSourceFiles(string directory)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            files.AddRange(Directory.EnumerateFiles(current, "*.cs"));
            foreach (var child in Directory.EnumerateDirectories(current))
            {
                if (!ExcludedDirectories.Contains(Path.GetFileName(child), StringComparer.OrdinalIgnoreCase))
                {
                    pending.Push(child);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    public static CSharpCompilation Build(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var trees = new SyntaxTree[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken }, index =>
        {
            var path = files[index];
            using var stream = File.OpenRead(path);
            var text = SourceText.From(stream, Encoding.UTF8);
            trees[index] = CSharpSyntaxTree.ParseText(text, ParseOptions, path, cancellationToken);
        });

        var usings = CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, ImplicitUsingsPath, Encoding.UTF8, cancellationToken);
        return CSharpCompilation.Create(
            "AnalysedAgentCode",
            trees.Prepend(usings),
            FrameworkReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }
}
