using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Core.SystemModels;

/// <summary>Loads a system model file: schema validation, then id uniqueness and reference checks.</summary>
public static class SystemModelLoader
{
    /// <exception cref="InvalidInputException">One problem per defect, located in the file.</exception>
    public static SystemModel Load(string path) =>
        Complete(SchemaValidatedDocumentLoader.ReadDocument(path, SchemaResources.SystemModel));

    /// <summary>Loads a system model from text; <paramref name="fileName"/> labels problems and picks YAML or JSON.</summary>
    public static SystemModel LoadFromText(string text, string fileName) =>
        Complete(SchemaValidatedDocumentLoader.ReadDocumentFromText(text, fileName, SchemaResources.SystemModel));

    private static SystemModel Complete(PositionedDocument document)
    {
        var problems = SystemModelChecks.Check(document);
        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return SchemaValidatedDocumentLoader.Deserialize<SystemModel>(document);
    }
}
