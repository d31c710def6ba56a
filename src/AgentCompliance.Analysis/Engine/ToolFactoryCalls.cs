using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Engine;

/// <summary>Recognises calls that turn a method or lambda into a tool the model can call.</summary>
public static class ToolFactoryCalls
{
    /// <summary>Attributes that expose a method to the model.</summary>
    public static readonly IReadOnlyList<string> ToolAttributes = ["KernelFunction", "McpServerTool"];

    /// <summary><c>AIFunctionFactory.Create</c>, <c>KernelFunctionFactory.CreateFromMethod</c>, <c>kernel.CreateFunctionFromMethod</c>, <c>McpServerTool.Create</c>.</summary>
    public static bool IsToolFactory(InvocationExpressionSyntax invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var name = SyntaxQueries.InvokedName(invocation);
        return name switch
        {
            "Create" => SyntaxQueries.RightmostName(SyntaxQueries.Receiver(invocation)) is "AIFunctionFactory" or "McpServerTool",
            "CreateFromMethod" => SyntaxQueries.RightmostName(SyntaxQueries.Receiver(invocation)) == "KernelFunctionFactory",
            "CreateFunctionFromMethod" => true,
            _ => false,
        };
    }

    /// <summary>The tool name given to a factory (<c>name:</c> or the first string argument after the delegate).</summary>
    public static string? GivenName(InvocationExpressionSyntax invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var named = invocation.ArgumentList.Arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText is "name" or "functionName");
        var candidate = named ?? invocation.ArgumentList.Arguments.Skip(1).FirstOrDefault(argument => argument.NameColon is null && SyntaxQueries.StringValue(argument.Expression) is not null);
        return SyntaxQueries.StringValue(candidate?.Expression);
    }

    /// <summary>The description given to a factory (<c>description:</c> or the second string argument after the delegate).</summary>
    public static string? GivenDescription(InvocationExpressionSyntax invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var named = invocation.ArgumentList.Arguments.FirstOrDefault(argument => argument.NameColon?.Name.Identifier.ValueText == "description");
        var candidate = named ?? invocation.ArgumentList.Arguments.Skip(1).Where(argument => argument.NameColon is null && SyntaxQueries.StringValue(argument.Expression) is not null).Skip(1).FirstOrDefault();
        return SyntaxQueries.StringValue(candidate?.Expression);
    }

    /// <summary>The name a tool attribute exposes (<c>[KernelFunction("x")]</c>, <c>[McpServerTool(Name = "x")]</c>), else the method name.</summary>
    public static string ExposedName(AttributeSyntax? toolAttribute, string methodName)
    {
        var arguments = toolAttribute?.ArgumentList?.Arguments;
        var given = arguments?.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == "Name")
            ?? arguments?.FirstOrDefault(argument => argument.NameEquals is null && argument.NameColon is null);
        return SyntaxQueries.StringValue(given?.Expression) ?? methodName;
    }

    public static AttributeSyntax? ToolAttribute(MethodDeclarationSyntax method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.AttributeLists.Count == 0)
        {
            return null;
        }

        return ToolAttributes.Select(name => SyntaxQueries.FindAttribute(method.AttributeLists, name)).FirstOrDefault(attribute => attribute is not null);
    }

    /// <summary>The text of a <c>[Description("...")]</c> attribute, if present.</summary>
    public static string? Description(SyntaxList<AttributeListSyntax> attributes) =>
        SyntaxQueries.StringValue(SyntaxQueries.FindAttribute(attributes, "Description")?.ArgumentList?.Arguments
            .FirstOrDefault(argument => argument.NameEquals is null && argument.NameColon is null)?.Expression);
}
