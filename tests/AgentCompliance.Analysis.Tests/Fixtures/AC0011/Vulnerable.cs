using System.ComponentModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

[McpServerToolType]
public class WebTools(HttpClient http, ILogger<WebTools> logger)
{
    [McpServerTool, Description("Fetches a web page")]
    public async Task<string> Fetch(string url)
    {
        logger.LogInformation("fetch requested");
        return await http.GetStringAsync(new Uri(url)); // expect: AC0011
    }

    [McpServerTool, Description("Posts a webhook")]
    public async Task Notify(string host, string payload)
    {
        logger.LogInformation("notify requested");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"https://{host}/hooks"); // expect: AC0011
        request.Content = new StringContent(payload);
        await http.SendAsync(request);
    }

    [McpServerTool, Description("Calls a partner API")]
    public async Task<string> Partner(string baseUrl, string path)
    {
        logger.LogInformation("partner requested");
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) }; // expect: AC0011
        return await client.GetStringAsync(path); // expect: AC0011
    }
}
