using System.Text;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Configuration;

/// <summary>Reading files from disk: missing files, folders, encodings.</summary>
public sealed class SourceFileTests
{
    private string directory = string.Empty;

    [SetUp]
    public void CreateFolder() => directory = Directory.CreateTempSubdirectory("agentcompliance-files-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Missing_file_is_reported_without_a_position()
    {
        var path = Path.Combine(directory, "absent.yaml");

        var exception = Assert.Throws<InvalidInputException>(() => TargetProfileLoader.Load(path));

        Assert.That(exception.Problems.Single().ToString(), Does.StartWith($"{path}: file not found (hint:"));
    }

    [Test]
    public void Folder_instead_of_file_is_reported()
    {
        var exception = Assert.Throws<InvalidInputException>(() => TargetProfileLoader.Load(directory));

        Assert.That(exception.Problems.Single().Message, Is.EqualTo("is a folder, not a file"));
    }

    [Test]
    public void Invalid_utf8_is_reported_at_the_undecodable_byte()
    {
        var path = Path.Combine(directory, "latin1.yaml");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("version: 1\nname: caf"), 0xE9, .. Encoding.ASCII.GetBytes("\n")]);

        var problem = Assert.Throws<InvalidInputException>(() => TargetProfileLoader.Load(path)).Problems.Single();

        Assert.Multiple(() =>
        {
            Assert.That((problem.Line, problem.Column), Is.EqualTo((2, 10)));
            Assert.That(problem.Message, Does.StartWith("the file is not valid UTF-8 text"));
        });
    }

    [Test]
    public void An_MCP_tool_pin_file_resolves_against_the_profile_folder_even_before_it_exists()
    {
        var path = Path.Combine(directory, "profile.yaml");
        File.WriteAllText(path, """
            version: 1
            name: pinned
            target:
              mcpServers:
                - name: tools
                  url: https://mcp.test/mcp
                  toolPinFile: pins/tools.json
            """);

        Assert.That(TargetProfileLoader.Load(path).Target.McpServers[0].ToolPinFile, Is.EqualTo(Path.Combine(directory, "pins", "tools.json")));
    }

    [Test]
    public void Utf16_with_byte_order_mark_is_read()
    {
        var path = Path.Combine(directory, "utf16.yaml");
        File.WriteAllText(path, "version: 1\nname: café\n", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        Assert.That(TargetProfileLoader.Load(path).Name, Is.EqualTo("café"));
    }

    [Test]
    public void Utf8_byte_order_mark_does_not_shift_columns()
    {
        var path = Path.Combine(directory, "bom.yaml");
        File.WriteAllText(path, "version: 1\nname: a\ntimeouts:\n  stepSeconds: \"5\"\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var problem = Assert.Throws<InvalidInputException>(() => TargetProfileLoader.Load(path)).Problems.Single();

        Assert.That((problem.Line, problem.Column), Is.EqualTo((4, 16)));
    }

    [Test]
    public void Binary_file_is_refused()
    {
        var path = Path.Combine(directory, "binary.yaml");
        File.WriteAllBytes(path, [0x76, 0x3A, 0x00, 0x01]);

        var problem = Assert.Throws<InvalidInputException>(() => TargetProfileLoader.Load(path)).Problems.Single();

        Assert.That(problem.Message, Does.Contain("NUL character"));
    }
}
