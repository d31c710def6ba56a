using Azure.Core;
using Microsoft.Identity.Client;

public class GraphAgent(TokenCredential credential, IConfidentialClientApplication app)
{
    private static readonly string[] Scopes = ["https://graph.microsoft.com/.default"]; // expect: AC0007

    public async Task<AccessToken> TokenAsync() =>
        await credential.GetTokenAsync(new TokenRequestContext(new[] { "https://management.azure.com/.default" }), default); // expect: AC0007

    public async Task<string> MsalAsync()
    {
        var result = await app.AcquireTokenForClient(new[] { "api://tools/admin" }).ExecuteAsync(); // expect: AC0007
        return result.AccessToken;
    }

    public Dictionary<string, string> Form() => new()
    {
        ["grant_type"] = "client_credentials",
        ["scope"] = "tools:* files:read", // expect: AC0007
    };

    public string GraphScope { get; } = "Directory.ReadWrite.All"; // expect: AC0007
}
