using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.SemanticKernel;

public class AgentSetup
{
    // Names of where secrets live are not secrets.
    private const string ApiKeyVariable = "OPENAI_API_KEY";
    private const string ClientSecretSetting = "Agents:Billing:ClientSecret";
    private const string TokenEndpoint = "https://login.example.com/oauth2/token";

    public Kernel Build(IKernelBuilder builder, IConfiguration configuration)
    {
        var apiKey = Environment.GetEnvironmentVariable(ApiKeyVariable) ?? throw new InvalidOperationException("missing key");
        var clientSecret = configuration[ClientSecretSetting];
        var credential = new DefaultAzureCredential();
        var password = "";
        var token = "<your-token-here>";
        builder.AddOpenAIChatCompletion("gpt-4o", apiKey: apiKey);
        return builder.Build();
    }
}
