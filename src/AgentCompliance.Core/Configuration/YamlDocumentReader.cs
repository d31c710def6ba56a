using AgentCompliance.Core.Diagnostics;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// Parses YAML (or JSON, which YAML 1.2 contains) into a JSON tree while recording the source position of every
/// node. Scalars are typed by the YAML 1.2 core schema, and quoted scalars always stay text, so <c>port: "8080"</c>
/// can be reported as a quoted string where a number is expected.
/// </summary>
internal sealed class YamlDocumentReader
{
    // Aliases are expanded into the JSON tree; the cap stops a "billion laughs" file from exhausting memory.
    private const int MaximumNodes = 100_000;

    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    private readonly string file;
    private readonly DocumentSyntax syntax;
    private readonly Dictionary<JToken, SourcePosition> positions = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<JToken> quotedScalars = new(ReferenceEqualityComparer.Instance);
    private readonly List<InputProblem> problems = [];
    private int nodeCount;
    private bool jsonViolationReported;

    private YamlDocumentReader(string file, DocumentSyntax syntax)
    {
        this.file = file;
        this.syntax = syntax;
    }

    /// <summary>
    /// Parses the text. Fatal problems (syntax errors, no content, several documents) throw
    /// <see cref="InvalidInputException"/>; problems that leave a usable tree (unsupported tags, non-JSON constructs in
    /// a .json file) are returned so they can be reported together with schema problems.
    /// </summary>
    public static (PositionedDocument Document, IReadOnlyList<InputProblem> Problems) Read(string text, string file, DocumentSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new InvalidInputException(YamlSyntaxErrorTranslator.Translate(e, file, text, syntax));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, not a YamlException, when the text ends inside an unclosed '[' or '{'
            // (e.g. "features: [a" with no ']'); the last event parsed is where that collection or value started.
            throw new InvalidInputException(YamlSyntaxErrorTranslator.TranslateUnexpectedEnd(parser.Current, file, syntax));
        }

        if (stream.Documents.Count == 0 || IsEmpty(stream.Documents[0].RootNode))
        {
            throw new InvalidInputException(new InputProblem(file, 1, 1, "the file is empty",
                "a file of this kind is a mapping of 'key: value' lines; see the samples folder"));
        }

        if (stream.Documents.Count > 1)
        {
            var second = SecondDocumentStart(text, stream.Documents[0].RootNode.End, stream.Documents[1].RootNode.Start);
            throw new InvalidInputException(new InputProblem(file, second.Line, second.Column,
                "a second YAML document starts here; this file must hold exactly one",
                "remove the '---' separator and what follows, or split the documents into separate files"));
        }

        var reader = new YamlDocumentReader(file, syntax);
        var root = reader.Convert(stream.Documents[0].RootNode);
        return (new PositionedDocument(file, root, reader.positions, reader.quotedScalars), reader.problems);
    }

    public static DocumentSyntax SyntaxOf(string fileName) =>
        Path.GetExtension(fileName).Equals(".json", StringComparison.OrdinalIgnoreCase) ? DocumentSyntax.Json : DocumentSyntax.Yaml;

    private static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Tag.IsEmpty: true } scalar
        && YamlCoreSchema.Resolve(scalar.Value ?? string.Empty).Type == JTokenType.Null;

    private static SourcePosition ToPosition(Mark mark) => new((int)Math.Max(mark.Line, 1), (int)Math.Max(mark.Column, 1));

    // The document model keeps no mark for '---', so the separator is searched between the two documents' roots.
    private static SourcePosition SecondDocumentStart(string text, Mark firstEnd, Mark secondStart)
    {
        var lines = text.Split('\n');
        for (var line = (int)Math.Max(firstEnd.Line, 1); line <= secondStart.Line && line <= lines.Length; line++)
        {
            var content = lines[line - 1].TrimEnd('\r');
            if (content == "---" || content.StartsWith("--- ", StringComparison.Ordinal))
            {
                return new SourcePosition(line, 1);
            }
        }

        return ToPosition(secondStart);
    }

    private JToken Convert(YamlNode node)
    {
        if (++nodeCount > MaximumNodes)
        {
            var position = ToPosition(node.Start);
            throw new InvalidInputException(new InputProblem(file, position.Line, position.Column,
                $"the document holds more than {MaximumNodes} values once aliases are expanded",
                "remove repeated aliases ('*name') or split the file"));
        }

        JToken token = node switch
        {
            YamlMappingNode mapping => ConvertMapping(mapping),
            YamlSequenceNode sequence => ConvertSequence(sequence),
            YamlScalarNode scalar => ConvertScalar(scalar),
            _ => JValue.CreateNull(),
        };
        positions[token] = ToPosition(node.Start);
        return token;
    }

    private JObject ConvertMapping(YamlMappingNode mapping)
    {
        RejectCustomTag(mapping);
        if (mapping.Style != MappingStyle.Flow)
        {
            ReportJsonViolation(mapping, "uses a YAML block mapping");
        }

        var result = new JObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode keyScalar)
            {
                Report(keyNode, "a mapping key must be plain text, not a list or mapping", "write keys as 'name: value'");
                continue;
            }

            if (keyScalar.Style != ScalarStyle.DoubleQuoted)
            {
                ReportJsonViolation(keyScalar, "has a key that is not in double quotes");
            }

            var key = keyScalar.Value ?? string.Empty;
            if (result.ContainsKey(key))
            {
                Report(keyScalar, $"duplicate key '{key}'", "a key may appear only once in a mapping; remove or merge one of them");
                continue;
            }

            var property = new JProperty(key, Convert(valueNode));
            positions[property] = ToPosition(keyScalar.Start);
            result.Add(property);
        }

        return result;
    }

    private JArray ConvertSequence(YamlSequenceNode sequence)
    {
        RejectCustomTag(sequence);
        if (sequence.Style != SequenceStyle.Flow)
        {
            ReportJsonViolation(sequence, "uses a YAML block list ('- item')");
        }

        var result = new JArray();
        foreach (var item in sequence.Children)
        {
            result.Add(Convert(item));
        }

        return result;
    }

    private JValue ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style == ScalarStyle.Plain)
        {
            if (!YamlCoreSchema.IsJsonLiteral(text))
            {
                ReportJsonViolation(scalar, "has a value that is not in double quotes");
            }
        }
        else if (scalar.Style != ScalarStyle.DoubleQuoted)
        {
            ReportJsonViolation(scalar, "has a value that is not in double quotes");
        }

        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            return ConvertTaggedScalar(scalar, text);
        }

        if (scalar.Style == ScalarStyle.Plain && !scalar.Tag.IsNonSpecific)
        {
            return YamlCoreSchema.Resolve(text);
        }

        var quoted = new JValue(text);
        quotedScalars.Add(quoted);
        return quoted;
    }

    private JValue ConvertTaggedScalar(YamlScalarNode scalar, string text)
    {
        var tag = scalar.Tag.Value;
        if (tag == CoreTagPrefix + "str")
        {
            var forcedText = new JValue(text);
            quotedScalars.Add(forcedText);
            return forcedText;
        }

        var expected = tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal) ? tag[CoreTagPrefix.Length..] : null;
        var resolved = YamlCoreSchema.Resolve(text);
        var matches = expected switch
        {
            "null" => resolved.Type == JTokenType.Null,
            "bool" => resolved.Type == JTokenType.Boolean,
            "int" => resolved.Type == JTokenType.Integer,
            "float" => resolved.Type is JTokenType.Float or JTokenType.Integer,
            _ => false,
        };

        if (expected is "null" or "bool" or "int" or "float")
        {
            if (!matches)
            {
                Report(scalar, $"the value does not match its tag '!!{expected}'", "remove the tag, or correct the value");
            }

            return expected == "float" && resolved.Type == JTokenType.Integer ? new JValue((double)resolved) : resolved;
        }

        Report(scalar, "unsupported YAML tag", "remove the tag ('!…'); this file uses plain YAML values only");
        return resolved;
    }

    private void RejectCustomTag(YamlNode node)
    {
        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && !node.Tag.Value.StartsWith(CoreTagPrefix, StringComparison.Ordinal))
        {
            Report(node, "unsupported YAML tag", "remove the tag ('!…'); this file uses plain YAML values only");
        }
    }

    private void ReportJsonViolation(YamlNode node, string what)
    {
        if (syntax != DocumentSyntax.Json || jsonViolationReported)
        {
            return;
        }

        // One report per file: a YAML file saved as .json would otherwise produce a problem on every line.
        jsonViolationReported = true;
        Report(node, $"invalid JSON: the file {what}",
            "a .json file must be strict JSON; rename the file to .yaml to write YAML");
    }

    private void Report(YamlNode node, string message, string hint)
    {
        var position = ToPosition(node.Start);
        problems.Add(new InputProblem(file, position.Line, position.Column, message, hint));
    }
}
