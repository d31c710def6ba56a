using System.Text.Json;
using AgentCompliance.Probes.Mcp;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Mcp;

/// <summary>Pins survive a write and read unchanged, and a comparison names exactly what drifted.</summary>
[TestFixture]
public sealed class ToolPinTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("agentcompliance-pins-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static McpTool Tool(string name, string description) =>
        McpTool.FromJson(JsonSerializer.SerializeToElement(new { name, description }))!;

    [Test]
    public async Task A_written_pin_reads_back_equal_and_rewriting_it_changes_no_byte()
    {
        var path = Path.Combine(_folder, "pins", "tools.json");
        var pin = ToolPin.Of("tools", [Tool("b", "B."), Tool("a", "A.")]);
        await pin.WriteAsync(path);
        var first = await File.ReadAllBytesAsync(path);
        await (await ToolPin.ReadAsync(path)).WriteAsync(path);

        var read = await ToolPin.ReadAsync(path);
        Assert.That(read.InventoryHash, Is.EqualTo(pin.InventoryHash));
        Assert.That(read.Tools, Is.EqualTo(pin.Tools));
        Assert.That(await File.ReadAllBytesAsync(path), Is.EqualTo(first));
        Assert.That(read.CompareWith(pin).IsNone, Is.True);
    }

    [Test]
    public void Drift_names_added_removed_and_changed_tools()
    {
        var pinned = ToolPin.Of("tools", [Tool("keep", "Same."), Tool("edit", "Before."), Tool("gone", "Old.")]);
        var now = ToolPin.Of("tools", [Tool("keep", "Same."), Tool("edit", "After."), Tool("new", "New.")]);

        var drift = pinned.CompareWith(now);

        Assert.That(drift.IsNone, Is.False);
        Assert.That(drift.Describe(), Is.EqualTo(new[]
        {
            "tools added since the pin: new",
            "tools removed since the pin: gone",
            "tools whose definition changed (description, schema or annotations): edit",
        }));
    }

    [Test]
    public async Task A_file_that_is_not_a_pin_is_reported_naming_the_file()
    {
        var path = Path.Combine(_folder, "not-a-pin.json");
        await File.WriteAllTextAsync(path, """{"something":"else"}""");

        var error = Assert.ThrowsAsync<InvalidDataException>(() => ToolPin.ReadAsync(path));
        Assert.That(error!.Message, Does.StartWith($"{path} is not a tool pin"));
    }
}
