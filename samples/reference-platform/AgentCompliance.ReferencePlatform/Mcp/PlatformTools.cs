using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace AgentCompliance.ReferencePlatform.Mcp;

/// <summary>The tools the platform's MCP server offers, with honest descriptions and annotations.</summary>
public static class PlatformTools
{
    public static IReadOnlyList<string> Names { get; } = ["search_documents", "create_ticket", "issue_refund"];

    internal static IReadOnlyList<Tool> All { get; } =
    [
        Define("search_documents", "Search documents", "Searches the document index and returns the titles that match the query.",
            """{"type":"object","properties":{"query":{"type":"string","description":"Words to search for"}},"required":["query"]}""",
            readOnly: true, destructive: false),
        Define("create_ticket", "Create ticket", "Creates a support ticket with a title and a body and returns its number.",
            """{"type":"object","properties":{"title":{"type":"string"},"body":{"type":"string"}},"required":["title","body"]}""",
            readOnly: false, destructive: false),
        Define("issue_refund", "Issue refund", "Issues a refund of an amount to the customer of an order; needs a person's approval.",
            """{"type":"object","properties":{"order":{"type":"string"},"amount":{"type":"number","exclusiveMinimum":0}},"required":["order","amount"]}""",
            readOnly: false, destructive: true),
    ];

    private static Tool Define(string name, string title, string description, string schema, bool readOnly, bool destructive) => new()
    {
        Name = name,
        Title = title,
        Description = description,
        InputSchema = JsonSerializer.Deserialize<JsonElement>(schema),
        Annotations = new ToolAnnotations { ReadOnlyHint = readOnly, DestructiveHint = destructive, OpenWorldHint = false },
    };
}
