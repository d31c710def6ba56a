using System.Text.Json;
using AgentCompliance.Probes.Mcp;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Mcp;

/// <summary>The inventory hash ignores what does not change meaning and catches everything that does.</summary>
[TestFixture]
public sealed class ToolInventoryHashTests
{
    private const string Tool = """
        {"name":"search","title":"Search","description":"Searches.","inputSchema":{"type":"object","properties":{"q":{"type":"string","maxLength":100}}},
         "annotations":{"readOnlyHint":true}}
        """;

    private static McpTool Parse(string json) => McpTool.FromJson(JsonSerializer.Deserialize<JsonElement>(json))!;

    [Test]
    public void Key_order_whitespace_and_number_spelling_do_not_change_the_hash()
    {
        var reordered = Parse("""
            { "annotations" : { "readOnlyHint" : true },
              "inputSchema": { "properties": { "q": { "maxLength": 100.0, "type": "string" } }, "type": "object" },
              "description": "Searches.", "title": "Search", "name": "search" }
            """);

        Assert.That(ToolInventoryHash.OfTool(reordered), Is.EqualTo(ToolInventoryHash.OfTool(Parse(Tool))));
    }

    [Test]
    public void The_canonical_form_sorts_keys_and_keeps_only_pinned_fields()
    {
        var tool = Parse("""{"name":"t","execution":{"taskSupport":"forbidden"},"description":"D","inputSchema":{"type":"object","b":1,"a":2}}""");

        Assert.That(ToolInventoryHash.CanonicalForm(tool), Is.EqualTo("""{"description":"D","inputSchema":{"a":2,"b":1,"type":"object"},"name":"t"}"""));
    }

    [TestCase("""{"name":"search","title":"Search","description":"Searches everything.","inputSchema":{"type":"object","properties":{"q":{"type":"string","maxLength":100}}},"annotations":{"readOnlyHint":true}}""")]
    [TestCase("""{"name":"search","title":"Search","description":"Searches.","inputSchema":{"type":"object","properties":{"q":{"type":"string","maxLength":101}}},"annotations":{"readOnlyHint":true}}""")]
    [TestCase("""{"name":"search","title":"Search","description":"Searches.","inputSchema":{"type":"object","properties":{"q":{"type":"string","maxLength":100}}},"annotations":{"readOnlyHint":false}}""")]
    [TestCase("""{"name":"search","title":"Search","description":"Searches.\u200B","inputSchema":{"type":"object","properties":{"q":{"type":"string","maxLength":100}}},"annotations":{"readOnlyHint":true}}""")]
    [TestCase("""{"name":"search","title":"Search","description":"Searches.","inputSchema":{"type":"object","properties":{"q":{"type":"string","maxLength":100}}},"outputSchema":{"type":"object"},"annotations":{"readOnlyHint":true}}""")]
    public void Any_change_of_description_schema_or_annotation_changes_the_hash(string changed)
    {
        Assert.That(ToolInventoryHash.OfTool(Parse(changed)), Is.Not.EqualTo(ToolInventoryHash.OfTool(Parse(Tool))));
    }

    [Test]
    public void The_inventory_hash_does_not_depend_on_the_order_tools_are_listed_in()
    {
        var other = Parse("""{"name":"write","description":"Writes."}""");

        Assert.That(
            ToolInventoryHash.OfInventory(ToolInventoryHash.PerTool([Parse(Tool), other])),
            Is.EqualTo(ToolInventoryHash.OfInventory(ToolInventoryHash.PerTool([other, Parse(Tool)]))));
        Assert.That(ToolInventoryHash.OfTool(other), Does.Match("^sha256:[0-9a-f]{64}$"));
    }

    [Test]
    public void A_tool_listed_twice_is_not_the_same_inventory_as_listed_once()
    {
        Assert.That(
            ToolInventoryHash.OfInventory(ToolInventoryHash.PerTool([Parse(Tool), Parse(Tool)])),
            Is.Not.EqualTo(ToolInventoryHash.OfInventory(ToolInventoryHash.PerTool([Parse(Tool)]))));
    }
}
