using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Suppressions;

/// <summary>
/// <c>#pragma warning disable AC…</c> ranges and <c>[SuppressMessage("AgentCompliance", "AC…", Justification = …)]</c>
/// on enclosing members and types, for one tree. Only suppressions with a justification count.
/// </summary>
internal sealed class InSourceSuppressions
{
    private const string Category = "AgentCompliance";

    private readonly SyntaxNode root;
    private readonly List<Pragma> pragmas = [];

    public InSourceSuppressions(SyntaxNode root)
    {
        this.root = root;
        if (!root.ContainsDirectives)
        {
            return;
        }

        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.PragmaWarningDirectiveTrivia) && trivia.GetStructure() is PragmaWarningDirectiveTriviaSyntax directive)
            {
                var codes = directive.ErrorCodes.Select(code => code.ToString().Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var comment = directive.DescendantTrivia().FirstOrDefault(item => item.IsKind(SyntaxKind.SingleLineCommentTrivia) || item.IsKind(SyntaxKind.MultiLineCommentTrivia));
                var justification = comment.ToString().TrimStart('/').Replace("*/", string.Empty, StringComparison.Ordinal).TrimStart('*').Trim();
                pragmas.Add(new Pragma(directive, directive.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword), codes, justification));
            }
        }
    }

    /// <summary>
    /// The justified suppression covering <paramref name="ruleId"/> at <paramref name="span"/>, or null; when only an
    /// unjustified one covers it, <paramref name="unjustified"/> is where that suppression is written.
    /// </summary>
    public Model.FindingSuppression? Find(string ruleId, Microsoft.CodeAnalysis.Text.TextSpan span, out (Location Location, string Kind)? unjustified)
    {
        unjustified = null;
        var pragma = pragmas.LastOrDefault(candidate => candidate.Directive.SpanStart < span.Start && (candidate.Codes.Count == 0 || candidate.Codes.Contains(ruleId)));
        if (pragma is { IsDisable: true })
        {
            if (pragma.Justification.Length > 0)
            {
                var line = pragma.Directive.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                return new Model.FindingSuppression(Model.SuppressionKind.InSource, pragma.Justification, $"#pragma warning disable at line {line}");
            }

            unjustified = (pragma.Directive.GetLocation(), "#pragma warning disable");
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            var attributes = ancestor switch
            {
                MemberDeclarationSyntax member => member.AttributeLists,
                LocalFunctionStatementSyntax local => local.AttributeLists,
                _ => default,
            };
            foreach (var attribute in SyntaxQueries.Attributes(attributes).Where(attribute => SyntaxQueries.IsAttribute(attribute, "SuppressMessage")))
            {
                if (!Covers(attribute, ruleId))
                {
                    continue;
                }

                var justification = attribute.ArgumentList!.Arguments
                    .FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == "Justification") is { } named
                    ? SyntaxQueries.StringValue(named.Expression)?.Trim() ?? string.Empty
                    : string.Empty;
                if (justification.Length > 0 && justification != "<Pending>")
                {
                    var line = attribute.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    return new Model.FindingSuppression(Model.SuppressionKind.InSource, justification, $"[SuppressMessage] at line {line}");
                }

                unjustified ??= (attribute.GetLocation(), "[SuppressMessage]");
            }
        }

        return null;
    }

    private static bool Covers(AttributeSyntax attribute, string ruleId)
    {
        var positional = attribute.ArgumentList?.Arguments.Where(argument => argument.NameEquals is null && argument.NameColon is null).ToList();
        if (positional is null || positional.Count < 2 || !string.Equals(SyntaxQueries.StringValue(positional[0].Expression), Category, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // "AC0001" or "AC0001:HardcodedCredential", as Roslyn accepts.
        var checkId = SyntaxQueries.StringValue(positional[1].Expression) ?? string.Empty;
        var id = checkId.Split(':', 2)[0].Trim();
        return string.Equals(id, ruleId, StringComparison.OrdinalIgnoreCase);
    }

    private sealed record Pragma(PragmaWarningDirectiveTriviaSyntax Directive, bool IsDisable, HashSet<string> Codes, string Justification);
}
