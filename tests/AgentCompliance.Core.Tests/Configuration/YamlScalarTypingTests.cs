using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Configuration;

/// <summary>Plain scalars follow the YAML 1.2 core schema; quoted scalars are always text.</summary>
public sealed class YamlScalarTypingTests
{
    private const string Schema = SchemaResources.Profile;

    [TestCase("8080", JTokenType.Integer)]
    [TestCase("-12", JTokenType.Integer)]
    [TestCase("0x1F", JTokenType.Integer)]
    [TestCase("0o17", JTokenType.Integer)]
    [TestCase("1.5", JTokenType.Float)]
    [TestCase("1e3", JTokenType.Float)]
    [TestCase(".inf", JTokenType.Float)]
    [TestCase("true", JTokenType.Boolean)]
    [TestCase("FALSE", JTokenType.Boolean)]
    [TestCase("null", JTokenType.Null)]
    [TestCase("~", JTokenType.Null)]
    [TestCase("", JTokenType.Null)]
    [TestCase("yes", JTokenType.String)]
    [TestCase("on", JTokenType.String)]
    [TestCase("0777", JTokenType.Integer)]
    [TestCase("1_000", JTokenType.String)]
    [TestCase("\"8080\"", JTokenType.String)]
    [TestCase("'true'", JTokenType.String)]
    [TestCase("!!str 8080", JTokenType.String)]
    [TestCase("!!float 3", JTokenType.Float)]
    public void Scalar_is_typed_by_the_core_schema(string yamlValue, JTokenType expected)
    {
        var value = ReadDescription(yamlValue);

        Assert.That(value.Type, Is.EqualTo(expected));
    }

    [Test]
    public void Hexadecimal_and_octal_integers_have_their_numeric_value()
    {
        Assert.Multiple(() =>
        {
            Assert.That((long)ReadDescription("0x1F"), Is.EqualTo(31));
            Assert.That((long)ReadDescription("0o17"), Is.EqualTo(15));
            Assert.That(ReadDescription("0xFFFFFFFFFFFFFFFF").ToString(), Is.EqualTo("18446744073709551615"));
        });
    }

    [Test]
    public void Positions_point_at_keys_and_values()
    {
        var document = SchemaValidatedDocumentLoader.ReadDocumentFromText("version: 1\nname:   demo\n", "p.yaml", Schema);
        var name = ((JObject)document.Root).Property("name")!;

        Assert.Multiple(() =>
        {
            Assert.That(document.PositionOf(name), Is.EqualTo(new SourcePosition(2, 1)));
            Assert.That(document.PositionOf(name.Value), Is.EqualTo(new SourcePosition(2, 9)));
        });
    }

    [Test]
    public void Json_positions_match_the_json_text()
    {
        const string json = "{\n\t\"version\": 1,\n\t\"name\": \"demo\"\n}\n";
        var document = SchemaValidatedDocumentLoader.ReadDocumentFromText(json, "p.json", Schema);
        var name = ((JObject)document.Root).Property("name")!;

        Assert.Multiple(() =>
        {
            Assert.That(document.PositionOf(name), Is.EqualTo(new SourcePosition(3, 2)));
            Assert.That(document.PositionOf(name.Value), Is.EqualTo(new SourcePosition(3, 10)));
        });
    }

    [Test]
    public void Aliases_are_expanded()
    {
        var profile = SchemaValidatedDocumentLoader.LoadFromText<TargetProfile>(
            "version: 1\nname: &n demo\ndescription: *n\n", "p.yaml", Schema);

        Assert.That(profile.Description, Is.EqualTo("demo"));
    }

    [Test]
    public void Alias_bombs_are_refused()
    {
        var lines = new List<string> { "version: 1", "name: a", "x0: &x0 [a, a, a, a, a, a, a, a, a, a]" };
        for (var i = 1; i <= 6; i++)
        {
            lines.Add($"x{i}: &x{i} [{string.Join(", ", Enumerable.Repeat($"*x{i - 1}", 10))}]");
        }

        var exception = Assert.Throws<InvalidInputException>(() =>
            SchemaValidatedDocumentLoader.ReadDocumentFromText(string.Join('\n', lines), "bomb.yaml", Schema));

        Assert.That(exception.Problems.Single().Message, Does.Contain("once aliases are expanded"));
    }

    // Parsed without schema validation, so any scalar type can be observed.
    private static JToken ReadDescription(string yamlValue) =>
        YamlDocumentReader.Read($"version: 1\nname: a\ndescription: {yamlValue}\n", "p.yaml", DocumentSyntax.Yaml).Document.Root["description"]!;
}
