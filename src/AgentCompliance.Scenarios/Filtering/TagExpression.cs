using System.Text;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Scenarios.Filtering;

/// <summary>
/// A Cucumber tag expression such as <c>@smoke and not (@slow or @wip)</c>: operators <c>not</c> &gt; <c>and</c> &gt;
/// <c>or</c> in that precedence, parentheses, and backslash escapes (<c>\(</c>, <c>\)</c>, <c>\\</c>, <c>\ </c>) inside
/// tag names. Reqnroll 3.3.4 exposes no public parser for these, hence this small one. An empty expression selects
/// everything. Tags compare case-sensitively, as in Cucumber.
/// </summary>
public sealed class TagExpression
{
    private const string Hint = "write tags with '@' and combine them with and, or, not and parentheses, e.g. \"@smoke and not (@slow or @wip)\"";

    private readonly Node? _root;

    private TagExpression(string text, Node? root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The expression that selects every scenario.</summary>
    public static TagExpression Everything { get; } = new(string.Empty, null);

    /// <summary>The expression as the user wrote it.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; syntax errors become an <see cref="InvalidInputException"/> located in
    /// <paramref name="origin"/> (the option or file it came from) at the offending column.</summary>
    public static TagExpression Parse(string? text, string origin = "--tags")
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var parser = new Parser(Tokenize(text, origin), text, origin);
        return new TagExpression(text, parser.ParseExpression());
    }

    /// <summary>True when the tags (with or without the leading <c>@</c>) satisfy the expression.</summary>
    public bool Matches(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (_root is null)
        {
            return true;
        }

        var names = new HashSet<string>(tags.Select(StripAt), StringComparer.Ordinal);
        return _root.Evaluate(names);
    }

    /// <summary>Fully parenthesised form, which shows how precedence was applied.</summary>
    public override string ToString() => _root?.ToString() ?? "true";

    private static string StripAt(string tag) => tag.StartsWith('@') ? tag[1..] : tag;

    private static List<Token> Tokenize(string text, string origin)
    {
        var tokens = new List<Token>();
        var current = new StringBuilder();
        var currentStart = -1;

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(Token.Word(current.ToString(), currentStart));
                current.Clear();
                currentStart = -1;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (i + 1 >= text.Length || !IsEscapable(text[i + 1]))
                {
                    var after = i + 1 < text.Length ? $"'{text[i + 1]}'" : "the end";
                    throw Problem(origin, i, $"illegal escape before {after}: only '(', ')', '\\' and whitespace can be escaped");
                }

                if (currentStart < 0)
                {
                    currentStart = i;
                }

                current.Append(text[i + 1]);
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else if (c is '(' or ')')
            {
                Flush();
                tokens.Add(c == '(' ? Token.Open(i) : Token.Close(i));
            }
            else
            {
                if (currentStart < 0)
                {
                    currentStart = i;
                }

                current.Append(c);
            }
        }

        Flush();
        return tokens;
    }

    private static bool IsEscapable(char c) => c is '(' or ')' or '\\' || char.IsWhiteSpace(c);

    private static InvalidInputException Problem(string origin, int position, string message) =>
        new(new InputProblem(origin, 1, position + 1, message, Hint));

    private enum TokenKind
    {
        Word,
        Open,
        Close,
    }

    private sealed record Token(TokenKind Kind, string Value, int Position)
    {
        public static Token Word(string value, int position) => new(TokenKind.Word, value, position);

        public static Token Open(int position) => new(TokenKind.Open, "(", position);

        public static Token Close(int position) => new(TokenKind.Close, ")", position);

        public bool IsOperator(string name) => Kind == TokenKind.Word && string.Equals(Value, name, StringComparison.Ordinal);

        public bool IsAnyOperator => IsOperator("and") || IsOperator("or") || IsOperator("not");
    }

    /// <summary>Recursive descent: or-expression := and-expression ("or" and-expression)*, and so on down.</summary>
    private sealed class Parser(List<Token> tokens, string text, string origin)
    {
        private int _next;

        public Node ParseExpression()
        {
            var expression = ParseOr();
            if (_next < tokens.Count)
            {
                var token = tokens[_next];
                throw token.Kind == TokenKind.Close
                    ? Problem(origin, token.Position, "unmatched ')'")
                    : Problem(origin, token.Position, $"expected 'and' or 'or' before '{token.Value}'");
            }

            return expression;
        }

        private Node ParseOr()
        {
            var left = ParseAnd();
            while (Peek()?.IsOperator("or") == true)
            {
                var op = tokens[_next++];
                left = new Or(left, ParseOperand(ParseAnd, op));
            }

            return left;
        }

        private Node ParseAnd()
        {
            var left = ParseNot();
            while (Peek()?.IsOperator("and") == true)
            {
                var op = tokens[_next++];
                left = new And(left, ParseOperand(ParseNot, op));
            }

            return left;
        }

        private Node ParseNot()
        {
            if (Peek()?.IsOperator("not") == true)
            {
                var op = tokens[_next++];
                return new Not(ParseOperand(ParseNot, op));
            }

            return ParsePrimary();
        }

        private Node ParseOperand(Func<Node> parse, Token afterOperator)
        {
            if (Peek() is null)
            {
                throw Problem(origin, afterOperator.Position, $"'{afterOperator.Value}' needs a tag or '(' after it");
            }

            return parse();
        }

        private Node ParsePrimary()
        {
            var token = Peek() ?? throw Problem(origin, text.Length, "expected a tag");
            switch (token.Kind)
            {
                case TokenKind.Open:
                    _next++;
                    var inner = ParseOr();
                    if (Peek()?.Kind != TokenKind.Close)
                    {
                        throw Problem(origin, token.Position, "unmatched '('");
                    }

                    _next++;
                    return inner;
                case TokenKind.Close:
                    throw Problem(origin, token.Position, "unexpected ')': expected a tag, 'not' or '('");
                default:
                    if (token.IsAnyOperator)
                    {
                        throw Problem(origin, token.Position, $"unexpected '{token.Value}': expected a tag, 'not' or '('");
                    }

                    if (!token.Value.StartsWith('@') || token.Value.Length == 1)
                    {
                        throw Problem(origin, token.Position, $"'{token.Value}' is not a tag: tags start with '@'");
                    }

                    _next++;
                    return new Tag(token.Value[1..]);
            }
        }

        private Token? Peek() => _next < tokens.Count ? tokens[_next] : null;
    }

    private abstract record Node
    {
        public abstract bool Evaluate(HashSet<string> tags);
    }

    private sealed record Tag(string Name) : Node
    {
        public override bool Evaluate(HashSet<string> tags) => tags.Contains(Name);

        public override string ToString()
        {
            var escaped = new StringBuilder("@");
            foreach (var c in Name)
            {
                if (IsEscapable(c))
                {
                    escaped.Append('\\');
                }

                escaped.Append(c);
            }

            return escaped.ToString();
        }
    }

    private sealed record Not(Node Operand) : Node
    {
        public override bool Evaluate(HashSet<string> tags) => !Operand.Evaluate(tags);

        public override string ToString() => $"not ({Operand})";
    }

    private sealed record And(Node Left, Node Right) : Node
    {
        public override bool Evaluate(HashSet<string> tags) => Left.Evaluate(tags) && Right.Evaluate(tags);

        public override string ToString() => $"({Left} and {Right})";
    }

    private sealed record Or(Node Left, Node Right) : Node
    {
        public override bool Evaluate(HashSet<string> tags) => Left.Evaluate(tags) || Right.Evaluate(tags);

        public override string ToString() => $"({Left} or {Right})";
    }
}
