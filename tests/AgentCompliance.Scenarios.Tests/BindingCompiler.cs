using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AgentCompliance.Scenarios.Tests;

/// <summary>
/// Compiles C# into a DLL in a folder of its own, as a user would build a binding project elsewhere. Names are
/// unique per call so every test loads fresh assemblies into the (shared, non-unloadable) default load context.
/// </summary>
internal static class BindingCompiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> PlatformReferences = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(path => MetadataReference.CreateFromFile(path))]);

    public static string Compile(string folder, string assemblyName, string source, params string[] referencePaths) =>
        Compile(folder, assemblyName, source, withDocumentation: false, referencePaths);

    /// <summary>Also writes the XML documentation file next to the DLL, as a project with GenerateDocumentationFile does.</summary>
    public static string CompileDocumented(string folder, string assemblyName, string source) =>
        Compile(folder, assemblyName, source, withDocumentation: true, []);

    private static string Compile(string folder, string assemblyName, string source, bool withDocumentation, string[] referencePaths)
    {
        var parseOptions = CSharpParseOptions.Default.WithDocumentationMode(withDocumentation ? DocumentationMode.Diagnose : DocumentationMode.Parse);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, parseOptions)],
            [.. PlatformReferences.Value, .. referencePaths.Select(path => MetadataReference.CreateFromFile(path))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, assemblyName + ".dll");
        var emitted = compilation.Emit(path, xmlDocumentationPath: withDocumentation ? Path.Combine(folder, assemblyName + ".xml") : null);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("test source does not compile: " + string.Join(Environment.NewLine, emitted.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)));
        }

        return path;
    }
}
