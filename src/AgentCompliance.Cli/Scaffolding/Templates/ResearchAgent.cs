// Written by `agentcompliance init`: a small agent tool server for the code-analysis scenario
// (features/agent-code.feature) to analyse. Replace agents/ with your agents' source, or point the profile's
// analysis.paths at their .csproj or .sln. The analysis reads the code; it need not build here.
using System.ComponentModel;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace ResearchAgent;

/// <summary>Tools the research agent exposes over MCP.</summary>
[McpServerToolType]
public sealed class DocumentTools(DocumentIndex index, ILogger<DocumentTools> logger)
{
    [McpServerTool, Description("Searches the internal documents")]
    public async Task<IReadOnlyList<string>> SearchDocuments(string query)
    {
        // One audit record per tool call; the query itself may hold personal data, so it is not logged.
        logger.LogInformation("search_documents called");
        return await index.SearchAsync(query, maxResults: 10);
    }
}

/// <summary>The document index, reached with a key read from the environment at start-up, never from the code.</summary>
public sealed class DocumentIndex(HttpClient http)
{
    private readonly string _apiKey = Environment.GetEnvironmentVariable("DOCUMENT_INDEX_API_KEY")
        ?? throw new InvalidOperationException("DOCUMENT_INDEX_API_KEY is not set");

    public async Task<IReadOnlyList<string>> SearchAsync(string query, int maxResults)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"search?q={Uri.EscapeDataString(query)}&top={maxResults}");
        request.Headers.Add("X-Api-Key", _apiKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<string>>() ?? [];
    }
}
