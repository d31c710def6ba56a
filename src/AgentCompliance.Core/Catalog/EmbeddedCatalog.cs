using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Core.Catalog;

/// <summary>The framework catalogs compiled into this assembly from <c>Catalog/Data/*.json</c>.</summary>
internal static class EmbeddedCatalog
{
    private const string ResourcePrefix = "AgentCompliance.Catalog.";

    // The order frameworks are listed in; a data file not named here still loads, after these.
    private static readonly string[] PreferredOrder = ["asi", "agentic-threats", "nhi", "maestro", "nist-ai-rmf", "llm"];

    /// <summary>Reads every embedded catalog. A broken one is a build defect, so it throws InvalidOperationException.</summary>
    /// <param name="validateSchema">Also check each file against the catalog schema: the tests do; a run need not.</param>
    public static IReadOnlyList<CatalogDocument> LoadDocuments(bool validateSchema = false)
    {
        var assembly = typeof(EmbeddedCatalog).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Select(name => name[ResourcePrefix.Length..])
            .OrderBy(file => Rank(file))
            .ThenBy(file => file, StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            throw new InvalidOperationException("no built-in control catalog is embedded in this build");
        }

        var documents = new List<CatalogDocument>(names.Count);
        foreach (var file in names)
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + file)!;
            using var reader = new StreamReader(stream);
            var origin = $"embedded:{file}";
            try
            {
                documents.Add(CatalogDocumentReader.ReadJson(reader.ReadToEnd(), origin, validateSchema));
            }
            catch (InvalidInputException invalid)
            {
                throw Broken(invalid.Problems, invalid);
            }
        }

        return documents;
    }

    /// <summary>The exception for a built-in catalog that fails validation: never a user error, always loud.</summary>
    public static InvalidOperationException Broken(IEnumerable<InputProblem> problems, Exception? inner = null) =>
        new($"the built-in control catalog is broken (a defect in this build):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}", inner);

    private static int Rank(string file)
    {
        var index = Array.IndexOf(PreferredOrder, Path.GetFileNameWithoutExtension(file));
        return index < 0 ? PreferredOrder.Length : index;
    }
}
