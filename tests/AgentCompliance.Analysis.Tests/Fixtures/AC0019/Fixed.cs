using System.Security.Cryptography;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Plugins.OpenApi;

public static class PluginSetup
{
    private const string PinnedSha256 = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";

    // The spec ships with the application.
    public static Task AddLocalAsync(Kernel kernel) => kernel.ImportPluginFromOpenApiAsync("github", "plugins/github.json");

    // Fetched, then checked against a pinned hash before use.
    public static async Task AddPinnedAsync(Kernel kernel, HttpClient http)
    {
        var bytes = await http.GetByteArrayAsync("https://plugins.example.com/crm/openapi.json");
        if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != PinnedSha256)
        {
            throw new InvalidOperationException("plugin specification changed");
        }

        await kernel.ImportPluginFromOpenApiAsync("crm", new MemoryStream(bytes));
    }
}
