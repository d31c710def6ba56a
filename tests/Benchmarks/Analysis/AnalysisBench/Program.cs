using System.Diagnostics;
using System.Globalization;
using AgentCompliance.Analysis;
using AgentCompliance.Analysis.Loading;
using AgentCompliance.Benchmarks.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

// generate DIR FILES        write a corpus of FILES agent-code files (plus SDK stubs) under DIR
// compare DIR REPETITIONS   time analysis vs parse+bind+GetDiagnostics, interleaved, print medians as tab-separated lines
// rules DIR                 time each rule alone over DIR (finds the expensive one)
// peak analyze|compile DIR  run one of them once and print the process's peak working set in bytes
switch (args.FirstOrDefault())
{
    case "generate" when args.Length == 3:
        var (files, lines) = CorpusGenerator.Write(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        Console.WriteLine($"files\t{files}\nlines\t{lines}");
        return 0;
    case "compare" when args.Length == 3:
        Compare(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        return 0;
    case "rules" when args.Length == 2:
        var code = CodebaseLoader.Load(args[1]);
        new CodeAnalyzer([]).Analyze(code);
        var none = Stopwatch.StartNew();
        new CodeAnalyzer([]).Analyze(code);
        Console.WriteLine($"no rules {none.Elapsed.TotalMilliseconds:F0} ms");
        foreach (var rule in AgentCompliance.Analysis.Rules.BuiltInRules.All)
        {
            var one = Stopwatch.StartNew();
            new CodeAnalyzer([rule]).Analyze(code);
            Console.WriteLine($"{rule.Descriptor.Id} {one.Elapsed.TotalMilliseconds:F0} ms");
        }

        return 0;
    case "peak" when args.Length == 3 && args[1] is "analyze" or "compile":
        if (args[1] == "analyze")
        {
            Analyze(args[2]);
        }
        else
        {
            Compile(args[2]);
        }

        Console.WriteLine($"peak\t{Process.GetCurrentProcess().PeakWorkingSet64}");
        return 0;
    default:
        Console.Error.WriteLine("usage: AnalysisBench generate DIR FILES | compare DIR REPETITIONS | rules DIR | peak analyze|compile DIR");
        return 2;
}

static void Compare(string directory, int repetitions)
{
    // Warm the JIT and the disk cache for both paths, untimed.
    Analyze(directory);
    Compile(directory);

    var analysis = new List<double>();
    var compilation = new List<double>();
    var findings = 0;
    for (var repetition = 0; repetition < repetitions; repetition++)
    {
        GC.Collect();
        var stopwatch = Stopwatch.StartNew();
        findings = Analyze(directory);
        analysis.Add(stopwatch.Elapsed.TotalMilliseconds);

        GC.Collect();
        stopwatch.Restart();
        Compile(directory);
        compilation.Add(stopwatch.Elapsed.TotalMilliseconds);
        Console.Error.WriteLine($"repetition {repetition + 1}/{repetitions}: analysis {analysis[^1]:F0} ms, compilation {compilation[^1]:F0} ms");
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"analysis_ms\t{Median(analysis):F0}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compilation_ms\t{Median(compilation):F0}"));
    Console.WriteLine($"findings\t{findings}");
}

static int Analyze(string directory)
{
    var codebase = CodebaseLoader.Load(directory);
    return new CodeAnalyzer().Analyze(codebase).Findings.Count;
}

// What the compiler itself does with the same files: parse (in parallel, like the loader), bind, report diagnostics.
static void Compile(string directory)
{
    var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories);
    var trees = new SyntaxTree[files.Length];
    var options = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None);
    Parallel.For(0, files.Length, index =>
    {
        using var stream = File.OpenRead(files[index]);
        trees[index] = CSharpSyntaxTree.ParseText(SourceText.From(stream), options, files[index]);
    });
    var references = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
        .Where(IsManaged)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
    var compilation = CSharpCompilation.Create("Corpus", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    var errors = compilation.GetDiagnostics().Count(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
    if (errors > 0)
    {
        throw new InvalidOperationException($"the generated corpus does not compile ({errors} errors)");
    }
}

static bool IsManaged(string path)
{
    using var stream = File.OpenRead(path);
    using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
    return reader.HasMetadata;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
