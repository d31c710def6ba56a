using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0014: untrusted text placed in the system prompt or agent instructions: <c>new ChatMessage(ChatRole.System, $"…{x}")</c>,
/// <c>new ChatMessageContent(AuthorRole.System, …)</c>, <c>AddSystemMessage(…)</c>, <c>new SystemChatMessage(…)</c>,
/// <c>new ChatHistory(…)</c>, <c>Instructions = …</c> / <c>instructions:</c>. Untrusted means derived from the enclosing
/// method's parameters, or a non-constant part (interpolation hole, concatenated operand) whose name says it is user
/// input, retrieved content or model/tool output.
/// </summary>
public sealed class AC0014UntrustedInputInSystemPromptRule : IAnalysisRule
{
    private static readonly HashSet<string> UntrustedWords = new(StringComparer.Ordinal)
    {
        "input", "user", "query", "request", "message", "content", "text", "body", "question", "document", "email",
        "comment", "payload", "history", "response", "result", "output", "page", "html", "search", "ticket", "review", "upload",
    };

    // Names that mark operator configuration rather than untrusted data (options.SystemPrompt, settings.Message).
    private static readonly HashSet<string> ConfigurationWords = new(StringComparer.Ordinal)
    {
        "system", "options", "settings", "config", "configuration", "persona", "template", "instructions",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0014",
        "UntrustedInputInSystemPrompt",
        "Untrusted input in the system prompt",
        "{0} puts '{1}' into the system instructions: text from users, documents or tools can then rewrite the agent's goals (prompt injection)",
        RuleSeverity.Warning,
        7.5,
        "The system prompt is where the agent's goal, rules and boundaries live, and models weigh it above everything else. " +
        "Splicing user input, retrieved documents or tool output into it hands that authority to whoever wrote the text. " +
        "Keep system instructions constant; pass untrusted content as a user or tool message, clearly delimited, and " +
        "enforce rules outside the model.",
        ["ASI01", "LLM01", "LLM07", "T6", "MAESTRO-L7:Agent Goal Manipulation"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnNode(AnalyzeCreation, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
        registrar.OnNode(AnalyzeInvocation, SyntaxKind.InvocationExpression);
        registrar.OnNode(AnalyzeAssignment, SyntaxKind.SimpleAssignmentExpression);
        registrar.OnNode(AnalyzeArgument, SyntaxKind.Argument);
    }

    private static void AnalyzeCreation(NodeContext context)
    {
        var creation = (BaseObjectCreationExpressionSyntax)context.Node;
        var type = SyntaxQueries.CreatedTypeName(creation);
        var arguments = creation.ArgumentList;
        var prompt = type switch
        {
            "ChatMessage" or "ChatMessageContent" when IsSystemRole(SyntaxQueries.Argument(arguments, 0, "role")?.Expression)
                => SyntaxQueries.Argument(arguments, 1, "content")?.Expression ?? SyntaxQueries.Argument(arguments, 1, "text")?.Expression,
            "SystemChatMessage" or "ChatHistory" => SyntaxQueries.Argument(arguments, 0)?.Expression,
            _ => null,
        };
        Check(context, $"new {type}", prompt);
    }

    private static void AnalyzeInvocation(NodeContext context)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var name = SyntaxQueries.InvokedName(invocation);
        if (name is "AddSystemMessage" or "AddDeveloperMessage" or "CreateSystemMessage")
        {
            Check(context, name, SyntaxQueries.Argument(invocation.ArgumentList, 0)?.Expression);
        }
    }

    private static void AnalyzeAssignment(NodeContext context)
    {
        var assignment = (AssignmentExpressionSyntax)context.Node;
        if (SyntaxQueries.AssignedName(assignment) is "Instructions" or "SystemPrompt" or "SystemMessage")
        {
            Check(context, SyntaxQueries.AssignedName(assignment)!, assignment.Right);
        }
    }

    private static void AnalyzeArgument(NodeContext context)
    {
        var argument = (ArgumentSyntax)context.Node;
        if (argument.NameColon?.Name.Identifier.ValueText is "instructions" or "systemPrompt")
        {
            Check(context, $"{argument.NameColon.Name.Identifier.ValueText}:", argument.Expression);
        }
    }

    private static bool IsSystemRole(ExpressionSyntax? role) =>
        role is MemberAccessExpressionSyntax access && access.Name.Identifier.ValueText is "System" or "Developer"
        && SyntaxQueries.RightmostName(access.Expression) is "ChatRole" or "AuthorRole";

    private static void Check(NodeContext context, string site, ExpressionSyntax? prompt)
    {
        if (prompt is null || SyntaxQueries.StringValue(prompt) is not null)
        {
            return;
        }

        if (UntrustedPart(context, prompt) is { } part)
        {
            context.Report(part, site, part.ToString());
        }
    }

    private static ExpressionSyntax? UntrustedPart(NodeContext context, ExpressionSyntax prompt)
    {
        var parts = Parts(prompt).ToList();
        var taint = parts.Count > 0 ? TaintAnalysis.ForEnclosingCallable(prompt) : null;
        foreach (var part in parts)
        {
            if (SyntaxQueries.StringValue(part) is not null || part is LiteralExpressionSyntax || SymbolQueries.IsConstant(context.SemanticModel, part))
            {
                continue;
            }

            if (taint!.IsTainted(part, SinkKind.Prompt) || NamesUntrustedData(part))
            {
                return part;
            }
        }

        return null;
    }

    // The pieces a prompt is assembled from: holes of interpolations, operands of concatenations, or the whole value.
    private static IEnumerable<ExpressionSyntax> Parts(ExpressionSyntax prompt) => SyntaxQueries.Unwrap(prompt) switch
    {
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.OfType<InterpolationSyntax>().Select(hole => hole.Expression),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) => Parts(binary.Left).Concat(Parts(binary.Right)),
        InvocationExpressionSyntax call when SyntaxQueries.InvokedName(call) is "Format" or "Concat" or "Join" => call.ArgumentList.Arguments.Skip(1).SelectMany(argument => Parts(argument.Expression)),
        { } whole => [whole],
        _ => [],
    };

    private static bool NamesUntrustedData(ExpressionSyntax part)
    {
        var words = part.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().SelectMany(name => SyntaxQueries.Words(name.Identifier.ValueText)).ToList();
        return words.Any(UntrustedWords.Contains) && !words.Any(ConfigurationWords.Contains);
    }
}
