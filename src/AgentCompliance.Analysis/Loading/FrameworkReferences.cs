using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace AgentCompliance.Analysis.Loading;

/// <summary>
/// Metadata references to the running .NET shared framework, so folder-mode code binds <c>System.*</c> APIs
/// (File, Process, HttpClient…) even though the analysed project's own packages are not available.
/// </summary>
internal static class FrameworkReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyList<MetadataReference> All => References.Value;

    private static IReadOnlyList<MetadataReference> Create()
    {
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)
            ?? throw new InvalidOperationException("cannot locate the running framework's assemblies");
        var references = new List<MetadataReference>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.dll").Order(StringComparer.Ordinal))
        {
            if (HasMetadata(path))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return references;
    }

    // The framework folder also holds native libraries; only managed assemblies are references.
    private static bool HasMetadata(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
