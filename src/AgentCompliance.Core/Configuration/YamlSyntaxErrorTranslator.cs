using AgentCompliance.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// Turns YamlDotNet's parser messages ("While scanning a simple key, could not find expected ':'") into one plain
/// sentence with a hint. Only the parser's own wording is inspected: no source text is copied into the message,
/// except key and anchor names.
/// </summary>
internal static class YamlSyntaxErrorTranslator
{
    private static readonly (string Fragment, string Message, string Hint)[] KnownErrors =
    [
        ("found invalid tab", "a tab character is used for indentation", "YAML indentation must use spaces; replace the tab with spaces"),
        ("quoted scalar, found unexpected end of stream", "a quoted value is never closed", "add the closing quote"),
        ("found unexpected end of stream", "the file ends in the middle of a value", "close every quote and bracket that is opened"),
        ("found invalid mapping", "unexpected ':' in a value, or a key indented deeper than the keys above it",
            "quote values that contain ': ', and align keys of one mapping at the same column"),
        ("could not find expected ':'", "a key is not followed by ':'", "write 'key: value', or quote text that spans lines"),
        ("block mapping, did not find expected key", "this line does not fit the mapping above it (wrong indentation?)",
            "align keys of one mapping at the same column, and start list items with '- '"),
        ("block collection, did not find expected '-' indicator", "expected a list item starting with '- ' here",
            "every item of a list starts with '- ' at the same indentation"),
        ("flow sequence, did not find expected ',' or ']'", "a '[' list is not closed, or lacks a ',' between items",
            "close the list with ']' and separate items with ','"),
        ("flow mapping, did not find expected ',' or '}'", "a '{' mapping is not closed, or lacks a ',' between entries",
            "close the mapping with '}' and separate entries with ','"),
        ("cannot start any token", "a value starts with a character YAML reserves ('@', '`', '%', '|', '>' or a tab)",
            "put the value in quotes"),
        ("did not find expected <document end>", "unexpected content after the end of the document",
            "remove it, or indent it to belong to the document"),
        ("did not find expected <document start>", "unexpected content before the document starts",
            "remove it, or start the document with '---'"),
        ("did not find expected node content", "a value is missing where one is required", "give a value, or remove the stray indicator"),
        ("did not find expected comment or line break", "unexpected text after a value on the same line",
            "start a new line, or put the value in quotes"),
        ("anchor or alias", "an anchor ('&name') or alias ('*name') has no valid name", "use letters and digits after '&' and '*'"),
        ("tag", "a YAML tag ('!…') is malformed", "remove the tag; this file uses plain YAML values"),
    ];

    /// <summary>The text ended inside a collection or value; <paramref name="lastEvent"/> is the last one parsed.</summary>
    public static InputProblem TranslateUnexpectedEnd(ParsingEvent? lastEvent, string file, DocumentSyntax syntax)
    {
        var line = (int)Math.Max(lastEvent?.Start.Line ?? 1, 1);
        var column = (int)Math.Max(lastEvent?.Start.Column ?? 1, 1);
        return lastEvent switch
        {
            SequenceStart { Style: SequenceStyle.Flow } => new InputProblem(file, line, column,
                $"{InvalidSyntax(syntax)}: a '[' list is not closed before the file ends", "close the list with ']' and separate items with ','"),
            MappingStart { Style: MappingStyle.Flow } => new InputProblem(file, line, column,
                $"{InvalidSyntax(syntax)}: a '{{' mapping is not closed before the file ends", "close the mapping with '}' and separate entries with ','"),
            _ => new InputProblem(file, line, column, $"{InvalidSyntax(syntax)}: the file ends in the middle of a value", "close every quote and bracket that is opened"),
        };
    }

    public static InputProblem Translate(YamlException exception, string file, string text, DocumentSyntax syntax)
    {
        var line = (int)Math.Max(exception.Start.Line, 1);
        var column = (int)Math.Max(exception.Start.Column, 1);

        // JSON may be indented with tabs; only YAML forbids them.
        if (syntax == DocumentSyntax.Yaml && FindIndentationTab(text, line, exception.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)) is { } tab)
        {
            return new InputProblem(file, tab.Line, tab.Column, "a tab character is used for indentation",
                "YAML indentation must use spaces; replace the tab with spaces");
        }

        if (exception is AnchorNotFoundException)
        {
            // YamlDotNet marks the start of the document here, so the alias is looked up in the text instead.
            var name = AnchorName(exception.Message);
            var index = name is null ? -1 : text.IndexOf("*" + name, StringComparison.Ordinal);
            (line, column) = index >= 0 ? SourceTextReader.LocateChar(text, index) : (line, column);
            return new InputProblem(file, line, column, $"alias {(name is null ? string.Empty : $"'*{name}' ")}refers to an anchor that is not defined",
                "define the anchor with '&name' before using it as '*name'");
        }

        const string duplicateKey = "Duplicate key ";
        if (exception.Message.StartsWith(duplicateKey, StringComparison.Ordinal))
        {
            return new InputProblem(file, line, column, $"duplicate key '{exception.Message[duplicateKey.Length..]}'",
                "a key may appear only once in a mapping; remove or merge one of them");
        }

        foreach (var (fragment, message, hint) in KnownErrors)
        {
            if (exception.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return new InputProblem(file, line, column, $"{InvalidSyntax(syntax)}: {message}", hint);
            }
        }

        return new InputProblem(file, line, column, $"{InvalidSyntax(syntax)} syntax", "check the indentation, quotes and brackets around this position");
    }

    private static string InvalidSyntax(DocumentSyntax syntax) => syntax == DocumentSyntax.Json ? "invalid JSON" : "invalid YAML";

    private static string? AnchorName(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start + 1 ? message[(start + 1)..end] : null;
    }

    /// <summary>
    /// YamlDotNet often reports a tab-indentation error at the start of the enclosing mapping, so the tab itself is
    /// searched for: the first line whose indentation contains a tab, up to the line after the reported one.
    /// </summary>
    private static SourcePosition? FindIndentationTab(string text, int errorLine, bool parserMentionsTab)
    {
        var lines = text.Split('\n');
        var lastLine = parserMentionsTab ? lines.Length : Math.Min(errorLine, lines.Length);
        for (var i = 0; i < lastLine; i++)
        {
            var current = lines[i];
            for (var j = 0; j < current.Length && (current[j] == ' ' || current[j] == '\t'); j++)
            {
                if (current[j] == '\t')
                {
                    return new SourcePosition(i + 1, j + 1);
                }
            }
        }

        return null;
    }
}
