using System.ClientModel;
using System.Net;
using Azure;
using Azure.Identity;
using Microsoft.SemanticKernel;

public class AgentSetup
{
    private const string OpenAiApiKey = "sk-proj-4f9QmT2xLr8ZpV1nW7cYbK3dHs6JgA0e"; // expect: AC0001
    private readonly string clientSecret = "Q7~8Qm.Zx_Kw2vR9pLs3Tn6Yb1Hc4Jd5"; // expect: AC0001

    public string ServicePassword { get; } = "Winter2025!Agent"; // expect: AC0001

    public Kernel Build(IKernelBuilder builder)
    {
        var azureKey = new AzureKeyCredential("3c5a9f1e2b7d4c8a9e0f1a2b3c4d5e6f"); // expect: AC0001
        var credential = new ClientSecretCredential("tenant-id", "client-id", "Zx8~Qm2.LpTn6Yb1Hc4Jd5Kw9vR3s7Ua"); // expect: AC0001, AC0023
        builder.AddOpenAIChatCompletion("gpt-4o", apiKey: "4f9QmT2xLr8ZpV1nW7cYbK3dHs6JgA0e"); // expect: AC0001
        var network = new NetworkCredential("svc-agent", "P@ssw0rd-2025"); // expect: AC0001
        var http = new HttpClient();
        http.DefaultRequestHeaders.Add("x-api-key", "a1b2c3d4e5f6a7b8c9d0"); // expect: AC0001
        var github = "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"; // expect: AC0001
        var storage = "DefaultEndpointsProtocol=https;AccountName=agents;AccountKey=bXlrZXlpc3NlY3JldA==;EndpointSuffix=core.windows.net"; // expect: AC0001
        return builder.Build();
    }
}
