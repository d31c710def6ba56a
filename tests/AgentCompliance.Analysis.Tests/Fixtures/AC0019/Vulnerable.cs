using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Plugins.OpenApi;

public static class PluginSetup
{
    public static async Task AddAsync(Kernel kernel)
    {
        await kernel.ImportPluginFromOpenApiAsync("github", new Uri("https://raw.githubusercontent.com/example/specs/main/github.json")); // expect: AC0019
        await kernel.ImportPluginFromApiManifestAsync("crm", "https://plugins.example.com/crm/manifest.json"); // expect: AC0019
    }
}
