using System.Collections.Concurrent;
using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Loading;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Rules;
using AgentCompliance.Analysis.Suppressions;
using AgentCompliance.Core.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AgentCompliance.Analysis;

/// <summary>
/// Runs rules over loaded code in one pass per syntax tree (callbacks dispatched by node kind, trees in parallel),
/// then tool rules with the codebase index, then end rules; applies in-source suppressions and external sources.
/// </summary>
public sealed class CodeAnalyzer
{
    private readonly IReadOnlyList<IAnalysisRule> rules;
    private readonly IReadOnlyList<ISuppressionSource> suppressionSources;

    /// <param name="rules">Rules to run; the built-in set when null.</param>
    /// <param name="suppressionSources">External suppressions (waivers), asked for findings the code does not suppress.</param>
    /// <exception cref="InvalidOperationException">Two rules share an ID, or a rule maps a control the catalog does not know.</exception>
    public CodeAnalyzer(IReadOnlyList<IAnalysisRule>? rules = null, IReadOnlyList<ISuppressionSource>? suppressionSources = null)
    {
        this.rules = rules ?? BuiltInRules.All;
        this.suppressionSources = suppressionSources ?? [];
        Rules = this.rules.Select(rule => rule.Descriptor).Append(SuppressionRules.UnjustifiedSuppression)
            .OrderBy(rule => rule.Id, StringComparer.Ordinal).ToList();

        var duplicate = Rules.GroupBy(rule => rule.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"two rules share the ID {duplicate.Key}");
        }

        foreach (var rule in Rules)
        {
            foreach (var control in rule.Controls.Where(control => !ControlCatalog.BuiltIn.TryResolve(control, out _)))
            {
                throw new InvalidOperationException($"rule {rule.Id} maps unknown control '{control}'");
            }
        }
    }

    /// <summary>Every rule this analyzer reports, including the suppression diagnostic, in ID order.</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; }

    public AnalysisReport Analyze(LoadedCodebase codebase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(codebase);
        var trees = SelectTrees(codebase.Compilations);
        var actions = new AnalysisActions();
        foreach (var rule in rules)
        {
            rule.Register(new RuleRegistrar(rule.Descriptor, actions));
        }

        var sink = new ConcurrentQueue<ReportedFinding>();
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.ForEach(trees, parallel, tree => WalkTree(tree, actions, sink, cancellationToken));

        var index = new CodebaseIndex(trees.Select(tree => tree.Facts));
        if (actions.ToolActions.Count > 0)
        {
            Parallel.ForEach(trees, parallel, tree => RunToolActions(tree, index, actions, sink));
        }

        var end = new CodebaseEndContext(index, sink);
        foreach (var (rule, action) in actions.EndActions)
        {
            end.Rule = rule;
            action(end);
        }

        var findings = Resolve(sink, codebase.RootDirectory, cancellationToken);
        return new AnalysisReport(codebase.RootDirectory, Rules, findings, trees.Count, codebase.Warnings);
    }

    private static List<AnalysedTree> SelectTrees(IReadOnlyList<Compilation> compilations)
    {
        // Multi-targeted projects and shared files appear in several compilations: analyse each file once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var trees = new List<AnalysedTree>();
        foreach (var loaded in compilations)
        {
            var compilation = WithoutNullableAnalysis(loaded);
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.FilePath.Length > 0 && !IsGenerated(tree) && seen.Add(tree.FilePath))
                {
                    trees.Add(new AnalysedTree(tree, compilation));
                }
            }
        }

        return trees;
    }

    // With nullable analysis on, every semantic query first runs flow analysis over the whole enclosing method.
    // No rule needs nullability, so queries bind only what they ask about.
    private static Compilation WithoutNullableAnalysis(Compilation compilation) =>
        compilation is CSharpCompilation csharp && csharp.Options.NullableContextOptions != NullableContextOptions.Disable
            ? csharp.WithOptions(csharp.Options.WithNullableContextOptions(NullableContextOptions.Disable))
            : compilation;

    private static bool IsGenerated(SyntaxTree tree)
    {
        var path = tree.FilePath;
        if (path == FolderCompilationBuilder.ImplicitUsingsPath || path.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase)
            || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        {
            return true;
        }

        var header = tree.GetRoot().GetLeadingTrivia();
        return header.Any(trivia => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && trivia.ToString().Contains("<auto-generated", StringComparison.Ordinal));
    }

    private static void WalkTree(AnalysedTree tree, AnalysisActions actions, ConcurrentQueue<ReportedFinding> sink, CancellationToken cancellationToken)
    {
        var context = new NodeContext(tree, sink);
        var nodeActions = actions.NodeActions;
        foreach (var node in tree.Tree.GetRoot(cancellationToken).DescendantNodesAndSelf())
        {
            var kind = node.Kind();
            if (FactCollector.IsInteresting(kind))
            {
                FactCollector.Collect(node, tree);
            }

            var registered = nodeActions[(int)kind];
            if (registered is null)
            {
                continue;
            }

            context.Node = node;
            foreach (var (rule, action) in registered)
            {
                context.Rule = rule;
                action(context);
            }
        }
    }

    private static void RunToolActions(AnalysedTree tree, CodebaseIndex index, AnalysisActions actions, ConcurrentQueue<ReportedFinding> sink)
    {
        var tools = FindTools(tree, index);
        if (tools.Count == 0)
        {
            return;
        }

        var context = new ToolMethodContext(tree, index, sink);
        foreach (var tool in tools)
        {
            context.Tool = tool;
            foreach (var (rule, action) in actions.ToolActions)
            {
                context.Rule = rule;
                action(context);
            }
        }
    }

    private static List<ToolMethod> FindTools(AnalysedTree tree, CodebaseIndex index)
    {
        var tools = new List<ToolMethod>();
        foreach (var callable in tree.Callables)
        {
            switch (callable)
            {
                case Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method:
                    var attribute = ToolFactoryCalls.ToolAttribute(method);
                    if (attribute is not null)
                    {
                        tools.Add(new ToolMethod(method, method.Identifier.ValueText, $"[{attribute.Name}]", method.Identifier.GetLocation()));
                    }
                    else if (index.ToolTargetNames.Contains(method.Identifier.ValueText))
                    {
                        tools.Add(new ToolMethod(method, method.Identifier.ValueText, "a tool factory", method.Identifier.GetLocation()));
                    }

                    break;
                case Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax local when index.ToolTargetNames.Contains(local.Identifier.ValueText):
                    tools.Add(new ToolMethod(local, local.Identifier.ValueText, "a tool factory", local.Identifier.GetLocation()));
                    break;
            }
        }

        foreach (var (lambda, name) in tree.ToolLambdas)
        {
            var at = lambda is Microsoft.CodeAnalysis.CSharp.Syntax.LambdaExpressionSyntax arrow ? arrow.ArrowToken.GetLocation() : lambda.GetFirstToken().GetLocation();
            tools.Add(new ToolMethod(lambda, name, "a tool factory", at));
        }

        return tools;
    }

    private List<Finding> Resolve(ConcurrentQueue<ReportedFinding> sink, string root, CancellationToken cancellationToken)
    {
        var byTree = sink
            .Where(reported => reported.Location.SourceTree is not null)
            .GroupBy(reported => reported.Location.SourceTree!)
            .ToList();
        var results = new ConcurrentBag<Finding>();
        Parallel.ForEach(byTree, new ParallelOptions { CancellationToken = cancellationToken }, group =>
        {
            foreach (var finding in ResolveTree(group.Key, group, root))
            {
                results.Add(finding);
            }
        });

        return results
            .OrderBy(finding => finding.RelativePath, StringComparer.Ordinal)
            .ThenBy(finding => finding.Location.StartLine)
            .ThenBy(finding => finding.Location.StartColumn)
            .ThenBy(finding => finding.Rule.Id, StringComparer.Ordinal)
            .ThenBy(finding => finding.Message, StringComparer.Ordinal)
            .ToList();
    }

    private List<Finding> ResolveTree(SyntaxTree tree, IEnumerable<ReportedFinding> reported, string root)
    {
        var relativePath = Path.GetRelativePath(root, tree.FilePath).Replace(Path.DirectorySeparatorChar, '/');
        var text = tree.GetText();
        var suppressions = new InSourceSuppressions(tree.GetRoot());
        var occurrences = new Dictionary<(string, string), int>();
        var findings = new List<Finding>();
        var unjustified = new Dictionary<Location, List<string>>();

        var unique = reported
            .DistinctBy(item => (item.Rule.Id, item.Location.SourceSpan))
            .OrderBy(item => item.Location.SourceSpan.Start)
            .ThenBy(item => item.Rule.Id, StringComparer.Ordinal);
        foreach (var item in unique)
        {
            var finding = CreateFinding(item.Rule, item.Message, item.Location, relativePath, text, occurrences);
            var suppression = suppressions.Find(item.Rule.Id, item.Location.SourceSpan, out var unjustifiedAt);
            if (suppression is null && unjustifiedAt is { } at)
            {
                if (!unjustified.TryGetValue(at.Location, out var ids))
                {
                    unjustified[at.Location] = ids = [];
                }

                ids.Add(item.Rule.Id);
            }

            suppression ??= suppressionSources.Select(source => source.FindSuppression(finding)).FirstOrDefault(found => found is not null);
            findings.Add(suppression is null ? finding : finding with { Suppression = suppression });
        }

        foreach (var (location, ids) in unjustified)
        {
            var kind = location.SourceTree!.GetRoot().FindNode(location.SourceSpan) is Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax ? "[SuppressMessage]" : "#pragma warning disable";
            var hint = kind == "[SuppressMessage]" ? "Justification = \"why\"" : "'// why' after the pragma";
            var message = SuppressionRules.UnjustifiedSuppression.FormatMessage(kind, string.Join(", ", ids.Distinct(StringComparer.Ordinal)), hint);
            findings.Add(CreateFinding(SuppressionRules.UnjustifiedSuppression, message, location, relativePath, text, occurrences));
        }

        return findings;
    }

    // "Type.Member.variable" around the finding, so fingerprints follow code that moves within the file.
    private static string EnclosingNames(Location location)
    {
        var node = location.SourceTree!.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        var names = node.AncestorsAndSelf().Select(ancestor => ancestor switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method => method.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax property => property.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax local => local.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax variable => variable.Identifier.ValueText,
            _ => null,
        }).OfType<string>().Reverse();
        return string.Join('.', names);
    }

    private static Finding CreateFinding(RuleDescriptor rule, string message, Location location, string relativePath, Microsoft.CodeAnalysis.Text.SourceText text, Dictionary<(string, string), int> occurrences)
    {
        var span = location.GetLineSpan();
        var identity = Fingerprints.Identity(EnclosingNames(location), text.ToString(location.SourceSpan));
        var key = (rule.Id, identity);
        occurrences[key] = occurrences.TryGetValue(key, out var count) ? count + 1 : 0;
        var source = new SourceSpan(
            location.SourceTree!.FilePath,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1);
        return new Finding(rule, message, source, relativePath, Fingerprints.Compute(rule.Id, relativePath, identity, occurrences[key]));
    }
}
