using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0013: deserialisation that lets the data pick .NET types: Json.NET <c>TypeNameHandling</c> other than <c>None</c>,
/// <c>BinaryFormatter</c>, <c>NetDataContractSerializer</c>, <c>SoapFormatter</c>, <c>LosFormatter</c>,
/// <c>ObjectStateFormatter</c>, <c>JavaScriptSerializer</c> with a <c>SimpleTypeResolver</c>.
/// </summary>
public sealed class AC0013UnsafeDeserializationRule : IAnalysisRule
{
    private static readonly HashSet<string> UnsafeFormatters = new(StringComparer.Ordinal)
    {
        "BinaryFormatter", "NetDataContractSerializer", "SoapFormatter", "LosFormatter", "ObjectStateFormatter",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0013",
        "UnsafeDeserialization",
        "Deserialisation lets the data choose types",
        "{0} lets serialised data choose the .NET types to create: tool arguments, model output or peer-agent messages deserialised this way can run code",
        RuleSeverity.Error,
        9.0,
        "Agents deserialise tool arguments, memories and messages from other agents, all of which an attacker can shape. " +
        "Type-embedding formats let the payload instantiate gadget types and run code. Use System.Text.Json or Json.NET with " +
        "`TypeNameHandling.None` and concrete target types; never use BinaryFormatter and its relatives.",
        ["ASI05", "LLM05", "T11", "ASI06"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnNode(AnalyzeMemberAccess, SyntaxKind.SimpleMemberAccessExpression);
        registrar.OnNode(AnalyzeCreation, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
    }

    private static void AnalyzeMemberAccess(NodeContext context)
    {
        var access = (MemberAccessExpressionSyntax)context.Node;
        if (SyntaxQueries.RightmostName(access.Expression) == "TypeNameHandling" && access.Name.Identifier.ValueText is "All" or "Auto" or "Objects" or "Arrays")
        {
            context.Report(access, $"TypeNameHandling.{access.Name.Identifier.ValueText}");
        }
    }

    private static void AnalyzeCreation(NodeContext context)
    {
        var creation = (BaseObjectCreationExpressionSyntax)context.Node;
        var type = SyntaxQueries.CreatedTypeName(creation);
        if (type is not null && UnsafeFormatters.Contains(type))
        {
            context.Report(creation, type);
        }
        else if (type == "JavaScriptSerializer" && creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression is BaseObjectCreationExpressionSyntax resolver
            && SyntaxQueries.CreatedTypeName(resolver) == "SimpleTypeResolver")
        {
            context.Report(creation, "JavaScriptSerializer with SimpleTypeResolver");
        }
    }
}
