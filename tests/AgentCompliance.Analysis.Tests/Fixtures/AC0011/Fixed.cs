using System.ComponentModel;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

[McpServerToolType]
public class WebTools(HttpClient http, ILogger<WebTools> logger)
{
    private static readonly HashSet<string> AllowedHosts = ["docs.example.com", "status.example.com"];

    [McpServerTool, Description("Fetches a documentation page")]
    public async Task<string> Fetch(string url)
    {
        logger.LogInformation("fetch requested");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !AllowedHosts.Contains(uri.Host))
        {
            throw new ArgumentException("host not allowed", nameof(url));
        }

        return await http.GetStringAsync(uri);
    }

    [McpServerTool, Description("Looks up a city's weather")]
    public async Task<string> Weather(string city)
    {
        logger.LogInformation("weather requested");
        return await http.GetStringAsync($"https://api.weather.example.com/v1/current?city={Uri.EscapeDataString(city)}");
    }

    [McpServerTool, Description("Gets an order")]
    public async Task<string> Order(string orderId)
    {
        logger.LogInformation("order requested");
        return await http.GetStringAsync("https://orders.example.com/api/orders/" + orderId);
    }
}
