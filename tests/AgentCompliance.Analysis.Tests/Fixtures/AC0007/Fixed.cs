using Azure.Core;
using Microsoft.Identity.Client;

public class GraphAgent(TokenCredential credential, IConfidentialClientApplication app)
{
    private static readonly string[] Scopes = ["https://graph.microsoft.com/Mail.Read"];

    public async Task<AccessToken> TokenAsync() =>
        await credential.GetTokenAsync(new TokenRequestContext(new[] { "api://tools/invoices.read" }), default);

    public async Task<string> MsalAsync()
    {
        var result = await app.AcquireTokenForClient(new[] { "api://tools/tickets.write" }).ExecuteAsync();
        return result.AccessToken;
    }

    public Dictionary<string, string> Form() => new()
    {
        ["grant_type"] = "client_credentials",
        ["scope"] = "files:read tickets:write",
    };

    // Not a scope: an administrator's display name.
    public string AdminDisplayName { get; } = "admin";
}
