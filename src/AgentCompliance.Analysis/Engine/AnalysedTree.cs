using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Engine;

/// <summary>One syntax tree under analysis, with what the first pass learned about it for the later ones.</summary>
internal sealed class AnalysedTree(SyntaxTree tree, Compilation compilation)
{
    private SemanticModel? semanticModel;

    public SyntaxTree Tree { get; } = tree;

    public Compilation Compilation { get; } = compilation;

    // Semantic models cost binding work: created on first use, and only rules that need one ask.
    public SemanticModel SemanticModel => semanticModel ??= Compilation.GetSemanticModel(Tree);

    /// <summary>Methods and local functions, so tools registered by name elsewhere can be found here.</summary>
    public List<SyntaxNode> Callables { get; } = [];

    /// <summary>Lambdas passed straight to a tool factory, with the tool name given there.</summary>
    public List<(AnonymousFunctionExpressionSyntax Lambda, string Name)> ToolLambdas { get; } = [];

    public TreeFacts Facts { get; } = new();
}
