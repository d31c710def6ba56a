using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AgentCompliance.Cli.Tests;

/// <summary>The workflow and action files under <c>.github/</c>, parsed with YamlDotNet.</summary>
internal static partial class GitHubWorkflowFiles
{
    public static string ActionPath => RepositoryLayout.PathOf(".github", "actions", "agentcompliance", "action.yml");

    public static string WorkflowPath(string name) => RepositoryLayout.PathOf(".github", "workflows", name);

    public static IReadOnlyList<string> All() =>
        Directory.EnumerateFiles(RepositoryLayout.PathOf(".github"), "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public static YamlMappingNode Map(this YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    public static YamlNode? Get(this YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(this YamlNode? node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static IEnumerable<string> Keys(this YamlNode? node) =>
        node is YamlMappingNode mapping ? mapping.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!) : [];

    /// <summary>Every name X in <c>inputs.X</c> inside a <c>${{ }}</c> expression or an <c>if:</c> condition of the file.</summary>
    public static IReadOnlyList<string> InputsUsed(string text) =>
        InputReference().Matches(text).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\binputs\.(?<name>[A-Za-z_][A-Za-z0-9_-]*)")]
    private static partial Regex InputReference();
}
